package org.reportplatform.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.intake.domain.Numbers;
import org.reportplatform.intake.domain.SeriesKey;
import org.reportplatform.intake.domain.SubmissionNotice;

/**
 * Compares a submission's values of indicators several forms hold (the population in edu_annual, sci_annual and
 * spt_annual) with the owner form's value of the same unit and period, or, for the owner's submission, with the other
 * forms' values: a difference of more than 1% of the owner's value is a notice. A figure uses the owner's value, so a
 * notice tells the bureaus their numbers disagree; it never holds the submission.
 */
@ApplicationScoped
public class OwnerFormNotices {

    /** Counties round population to the hundred, bureaus count at different dates: 1% apart is the same figure. */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private final Catalogue catalogue;

    OwnerFormNotices(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A value of the submission compared with another form's value of the same indicator. */
    private record Comparison(int position, ReportedValue value, Dataset other, boolean ownersValue) {
    }

    /** The unit's series, of its other forms for the same period, whose counting versions {@link #of} compares with. */
    Set<SeriesKey> comparedSeries(ValidSubmission submission) {
        return comparisons(submission).stream()
                .map(comparison -> submission.seriesOf(comparison.other().code(), submission.period()))
                .collect(Collectors.toSet());
    }

    /**
     * The notices of a submission about to be stored, against the reported actual values of the versions that count
     * of the unit's other forms (none for a series without one), as read for {@link #comparedSeries}.
     */
    List<SubmissionNotice> of(ValidSubmission submission, Function<SeriesKey, Map<IndicatorCode, BigDecimal>> countingValues) {
        List<SubmissionNotice> notices = new ArrayList<>();
        for (Comparison comparison : comparisons(submission)) {
            ReportedValue value = comparison.value();
            Dataset other = comparison.other();
            String field = "values[" + comparison.position() + "].value";
            Optional.ofNullable(countingValues.apply(submission.seriesOf(other.code(), submission.period()))
                            .get(value.indicator()))
                    .filter(otherValue -> differ(value.value(), otherValue,
                            comparison.ownersValue() ? value.value() : otherValue))
                    .ifPresent(otherValue -> notices.add(notice(value, field, other, otherValue, comparison.ownersValue())));
        }
        return notices;
    }

    /** Each reported actual value of an indicator several forms hold, with each other form it is compared with. */
    private List<Comparison> comparisons(ValidSubmission submission) {
        List<Comparison> comparisons = new ArrayList<>();
        for (int position = 0; position < submission.values().size(); position++) {
            ReportedValue value = submission.values().get(position);
            List<Dataset> holding = catalogue.formsHolding(value.indicator());
            if (!value.isReported() || value.kind() != ValueKind.ACTUAL || holding.size() < 2) {
                continue;
            }
            DatasetCode owner = catalogue.ownerFormOf(value.indicator()).orElseThrow();
            boolean ownersValue = owner.equals(submission.dataset());
            for (Dataset other : holding) {
                // two forms that both defer to the owner are not compared with each other
                if (!other.code().equals(submission.dataset()) && (ownersValue || other.code().equals(owner))) {
                    comparisons.add(new Comparison(position, value, other, ownersValue));
                }
            }
        }
        return comparisons;
    }

    private static boolean differ(BigDecimal value, BigDecimal otherValue, BigDecimal ownersValue) {
        return value.subtract(otherValue).abs().compareTo(ownersValue.abs().multiply(TOLERANCE)) > 0;
    }

    private SubmissionNotice notice(ReportedValue value, String field, Dataset other, BigDecimal otherValue,
                                    boolean ownersValue) {
        String indicator = value.indicator().value();
        String nameZh = catalogue.indicator(value.indicator()).orElseThrow().nameZh();
        String shown = Numbers.canonical(value.value()).toPlainString();
        String otherShown = Numbers.canonical(otherValue).toPlainString();
        String differs = "%s (%s) differs by more than 1%% from %s in %s (%s)".formatted(indicator, shown, otherShown,
                other.code(), other.nameEn());
        String message;
        String messageZh;
        if (ownersValue) {
            message = differs + "; figures use this form's value: it owns " + indicator;
            messageZh = "与%s的%s(%s)相差超过1%%，以本表为准".formatted(other.nameZh(), nameZh, otherShown);
        } else {
            message = differs + ", the form that owns it: figures use " + other.code() + "'s value";
            messageZh = "与%s的%s(%s)相差超过1%%，以%s为准".formatted(other.nameZh(), nameZh, otherShown, other.nameZh());
        }
        return new SubmissionNotice(indicator, field, other.code().value(), Numbers.canonical(otherValue), message, messageZh);
    }
}
