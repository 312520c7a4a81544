package org.reportplatform.contracts.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a caller may do, as the {@code groups} claim of its token names it. */
public enum Role {
    /** A county system: submits for its own unit and reads its own submissions. */
    REPORTER,
    /** A city bureau: reviews the submissions of the units within its region. */
    REVIEWER,
    /** The province: accepts and reopens. */
    PROVINCE,
    /** Reads figures of its region and everything below it. */
    ANALYST,
    /** Looks after the catalogue and the forms. */
    ADMIN;

    /** As tokens and {@code @RolesAllowed} spell it: {@code reporter}. */
    public String groupName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofGroup(String group) {
        return Arrays.stream(values()).filter(role -> role.groupName().equals(group)).findFirst();
    }

    /** The names {@code @RolesAllowed} takes, kept next to the enum they must match. */
    public static final class Names {
        public static final String REPORTER = "reporter";
        public static final String REVIEWER = "reviewer";
        public static final String PROVINCE = "province";
        public static final String ANALYST = "analyst";
        public static final String ADMIN = "admin";

        private Names() {
        }
    }
}
