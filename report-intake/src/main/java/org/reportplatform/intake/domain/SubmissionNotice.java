package org.reportplatform.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/**
 * A value of an indicator several forms hold that differs by more than 1% between the owner form and another form of
 * the same unit and period: kept with the submission for its reviewers; it never holds the submission, since the
 * figure takes the owner's value anyway.
 */
@Embeddable
public class SubmissionNotice {

    @Column(name = "indicator", nullable = false, length = 64)
    public String indicator;

    /** Where the value is in the request, {@code values[3].value}, as in problem+json. */
    @Column(name = "field", nullable = false, length = 32)
    public String field;

    /** The other form whose counting version states the other value. */
    @Column(name = "other_dataset", nullable = false, length = 64)
    public String otherDataset;

    @Column(name = "other_value", nullable = false, precision = 26, scale = 6)
    public BigDecimal otherValue;

    @Column(name = "message", nullable = false, columnDefinition = "text")
    public String message;

    @Column(name = "message_zh", nullable = false, columnDefinition = "text")
    public String messageZh;

    protected SubmissionNotice() {
    }

    public SubmissionNotice(String indicator, String field, String otherDataset, BigDecimal otherValue, String message,
                            String messageZh) {
        this.indicator = indicator;
        this.field = field;
        this.otherDataset = otherDataset;
        this.otherValue = otherValue;
        this.message = message;
        this.messageZh = messageZh;
    }
}
