package fr.anct.opencollectivites.webapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;

import fr.anct.opencollectivites.web.Caller;

/** Hands the client's address to the authoring feature (login throttling per address). */
@PreMatching
final class ClientAddressFilter implements ContainerRequestFilter {
    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(Caller.CLIENT_ADDRESS, servletRequest.getRemoteAddr());
    }
}
