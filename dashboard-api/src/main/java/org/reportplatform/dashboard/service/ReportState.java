package org.reportplatform.dashboard.service;

/**
 * Where an expected unit stands with a form for a period: each unit is in exactly one state. The version that counts
 * is the latest one not held for an explanation.
 */
public enum ReportState {
    /** 已报: the version that counts is a full report, neither returned nor replaced by a held version. */
    RECEIVED,
    /** 部分: the version that counts states fewer actual values than the form requires (a target-only one included). */
    PARTIAL,
    /**
     * 待说明: the latest version is held until the unit explains values a rule flagged, whether or not an earlier
     * version counts meanwhile: what the unit last sent cannot be used, and the explanation is what to ask for.
     */
    HELD,
    /** 已退回: the city returned the version that counts; received only once the unit sends it again. */
    RETURNED,
    /** 未报: nothing sent. */
    MISSING
}
