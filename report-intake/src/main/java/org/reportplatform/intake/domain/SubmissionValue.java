package org.reportplatform.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;

/**
 * One indicator of a submission: a number when reported, none when redacted or missing; the county's explanation, if
 * it gave one.
 */
@Embeddable
public class SubmissionValue {

    @Column(name = "indicator", nullable = false, length = 64)
    public String indicator;

    @Column(name = "value", precision = 26, scale = 6)
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    public ValueStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 8)
    public ValueKind kind;

    /** Why the value is what it is, for reviewers; what lets a value flagged by a soft rule through. */
    @Column(name = "explanation", length = 500)
    public String explanation;

    protected SubmissionValue() {
    }

    public SubmissionValue(String indicator, BigDecimal value, ValueStatus status, ValueKind kind, String explanation) {
        this.indicator = indicator;
        this.value = value;
        this.status = status;
        this.kind = kind;
        this.explanation = explanation;
    }
}
