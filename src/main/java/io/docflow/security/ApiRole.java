package io.docflow.security;

import java.util.Locale;

/**
 * What a caller of the HTTP API may do. Each role includes the ones below it (admin > reviewer > submitter > viewer):
 * a viewer reads jobs and results, a submitter also uploads, a reviewer also reviews, an admin also redrives the
 * dead-letter queue and re-processes jobs. docs/security.md maps every endpoint to its role.
 */
public enum ApiRole {
    VIEWER, SUBMITTER, REVIEWER, ADMIN;

    /** The name groups and tokens use: {@code viewer}, {@code admin}. */
    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority: {@code ROLE_VIEWER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
