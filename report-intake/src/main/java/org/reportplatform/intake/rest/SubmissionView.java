package org.reportplatform.intake.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.domain.Numbers;
import org.reportplatform.intake.domain.Submission;
import org.reportplatform.intake.domain.SubmissionStatus;


/**
 * A stored submission as the API shows it.
 *
 * @param submittedAt when the unit reported it: receivedAt, or the original report date of history the province
 *                    loaded (reportedAt); what timeliness is computed from
 * @param publishedAt when Kafka acknowledged its event; null until the outbox relay has published it. A held
 *                    submission (NEEDS_EXPLANATION) is published too, flagged held, and does not count
 * @param reviewStatus where the review of this version stands; null when it is held, since it never counted
 * @param warnings    the values soft rules flagged; each one whose value has no explanation holds the submission
 * @param partial     true when it states fewer actual values than its form requires; it counts with what it has
 * @param missingRequired the form's required indicators it does not state as actuals (reported or redacted)
 * @param notices     its values that differ by more than 1% from another form's value of the same indicator, unit and
 *                    period, where one of the two forms owns the indicator; they never hold the submission
 * @param transitions every step of its review, oldest first, beginning with its submission
 */
public record SubmissionView(
        UUID id,
        String submissionKey,
        SubmissionStatus status,
        ReviewStatus reviewStatus,
        int version,
        RegionView region,
        String dataset,
        String period,
        Instant receivedAt,
        Instant submittedAt,
        Instant publishedAt,
        List<ValueView> values,
        List<WarningView> warnings,
        boolean partial,
        List<String> missingRequired,
        List<NoticeView> notices,
        List<TransitionView> transitions) {

    public record RegionView(String code, String name) {
    }

    /**
     * @param kind        actual or target
     * @param explanation the county's, left out when it gave none
     */
    public record ValueView(String indicator, BigDecimal value, ValueStatus status, ValueKind kind,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String explanation) {
    }

    /**
     * @param field where the flagged value is in the request, {@code values[3].value}
     * @param rule  the id of the rule in the contracts' reference/rules.json
     */
    public record WarningView(String field, String indicator, String rule, String message) {
    }

    /**
     * @param field        where the value is in the request, {@code values[3].value}
     * @param otherDataset the other form, whose version that counts states {@code otherValue}
     * @param messageZh    the message in Chinese, written as {@code message} when the request prefers Chinese
     */
    public record NoticeView(String indicator, String field, String otherDataset, BigDecimal otherValue, String message,
                             @JsonIgnore String messageZh) {

        NoticeView inChinese() {
            return new NoticeView(indicator, field, otherDataset, otherValue, messageZh, messageZh);
        }
    }

    /**
     * @param from    null for the submission itself
     * @param actor   who took the action: the county's region code for the submission itself
     * @param comment why, left out when none was given
     */
    public record TransitionView(String action, ReviewStatus from, ReviewStatus to, String actor, String role,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String comment, Instant at) {
    }

    /** The same submission in Chinese: its warnings as {@code worded}, its notices in their Chinese. */
    public SubmissionView inChinese(List<WarningView> worded) {
        return new SubmissionView(id, submissionKey, status, reviewStatus, version, region, dataset, period, receivedAt,
                submittedAt, publishedAt, values, worded, partial, missingRequired,
                notices.stream().map(NoticeView::inChinese).toList(), transitions);
    }

    public static SubmissionView of(Submission submission, RegionRegistry regions) {
        // null if the code has since left the reference data; the code itself stays valid for the record
        String regionName = regions.find(RegionCode.of(submission.region)).map(Region::name).orElse(null);
        return new SubmissionView(
                submission.id,
                submission.submissionKey,
                submission.status,
                submission.reviewStatus,
                submission.version,
                new RegionView(submission.region, regionName),
                submission.dataset,
                submission.period,
                submission.receivedAt,
                submission.submittedAt,
                submission.publishedAt,
                submission.values.stream()
                        .map(v -> new ValueView(v.indicator, v.value == null ? null : Numbers.canonical(v.value), v.status, v.kind,
                                v.explanation))
                        .toList(),
                submission.warnings.stream()
                        .map(w -> new WarningView(w.field, w.indicator, w.rule, w.message))
                        .toList(),
                submission.isPartial(),
                List.copyOf(submission.missingRequired),
                submission.notices.stream()
                        .map(n -> new NoticeView(n.indicator, n.field, n.otherDataset, Numbers.canonical(n.otherValue),
                                n.message, n.messageZh))
                        .toList(),
                submission.transitions.stream()
                        .map(t -> new TransitionView(t.action.wireName(), t.fromState, t.toState, t.actor, t.role.wireName(),
                                t.comment, t.at))
                        .toList());
    }
}
