package fr.anct.opencollectivites.authoring.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * An authoring page for signed-in authors: {@link AuthorPageFilter} sends a visitor without a session to
 * the login form and refuses a form post without the session's CSRF token; the resource reads the author
 * with {@link Author#of}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface AuthorPage {
}
