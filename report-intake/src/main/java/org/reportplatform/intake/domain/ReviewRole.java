package org.reportplatform.intake.domain;

import java.util.Locale;

/** Who takes a review action; until authentication comes, the reviewer states it with the action. */
public enum ReviewRole {
    /** Submits: the first entry of every review. */
    COUNTY,
    /** The city's reviewer: approves or returns. */
    REVIEWER,
    /** Accepts or reopens. */
    PROVINCE;

    /** As the API spells it: {@code reviewer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
