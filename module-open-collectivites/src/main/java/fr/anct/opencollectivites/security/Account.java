package fr.anct.opencollectivites.security;

import java.util.Set;

/** A platform user as the administration API shows it (never a password). */
public record Account(String login, String email, String fullName, Set<Role> roles, Set<String> teams,
                      boolean disabled) {
}
