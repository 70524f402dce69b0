package fr.anct.opencollectivites.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The platform-wide roles, each a repository group whose access-control entries say what its members
 * may do (see {@link AccessPolicies}). A program team is not a role here: each mini-site has its own
 * team group ({@link #teamGroup(String)}).
 */
public enum Role {
    /** Everything, including users, groups and mini-sites. */
    ADMINISTRATOR("oc-administrators"),
    /** Communication team: editorial pages, publications, callouts, alerts, démarches, taxonomy drafts. */
    EDITOR("oc-editors"),
    /** Approves: publishes and unpublishes any editorial or mini-site content. */
    PUBLISHER("oc-publishers"),
    /** Reads every draft, changes nothing. */
    REVIEWER("oc-reviewers");

    public static final String TEAM_PREFIX = "oc-team-";

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Optional<Role> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    public static Optional<Role> byGroup(String group) {
        return Arrays.stream(values()).filter(r -> r.group.equals(group)).findFirst();
    }

    /** The group of a mini-site's program team. */
    public static String teamGroup(String miniSiteSlug) {
        return TEAM_PREFIX + miniSiteSlug;
    }
}
