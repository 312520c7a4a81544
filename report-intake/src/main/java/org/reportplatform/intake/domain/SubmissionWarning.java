package org.reportplatform.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A value of a submission that a soft rule flagged: kept with the submission for its reviewers. */
@Embeddable
public class SubmissionWarning {

    /** Where the value is in the request, {@code values[3].value}, as in problem+json. */
    @Column(name = "field", nullable = false, length = 32)
    public String field;

    @Column(name = "indicator", nullable = false, length = 64)
    public String indicator;

    /** The id of the rule in reference/rules.json. */
    @Column(name = "rule", nullable = false, length = 64)
    public String rule;

    @Column(name = "message", nullable = false, columnDefinition = "text")
    public String message;

    protected SubmissionWarning() {
    }

    public SubmissionWarning(String field, String indicator, String rule, String message) {
        this.field = field;
        this.indicator = indicator;
        this.rule = rule;
        this.message = message;
    }
}
