package org.reportplatform.dashboard.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * The county submissions a figure is computed from: for each series within the region and period, the version
 * that counts for the figure's basis.
 *
 * @param components the indicators the figure is computed from: itself, or a ratio's numerator and denominator
 */
public record Lineage(
        IndicatorCode indicator,
        RegionCode region,
        String regionName,
        PeriodCode period,
        Basis status,
        List<IndicatorCode> components,
        List<Source> sources) {

    /**
     * One submission, with the values it states of the figure's components (actuals and targets). Never a version
     * held for an explanation.
     *
     * @param period the submission's own period: a month or quarter of a longer period the figure rolls up
     */
    public record Source(
            UUID submissionId,
            RegionCode region,
            String regionName,
            DatasetCode dataset,
            PeriodCode period,
            int version,
            ReviewStatus reviewStatus,
            Instant submittedAt,
            List<SourceValue> values) {
    }

    /**
     * A value of a source, and whether the figure uses it. Where several forms state the same indicator of a unit
     * and period (population in edu_annual, sci_annual and spt_annual), the figure uses one of them: the owner
     * form's when the owner states it (reported or redacted), else the most recently submitted other form's.
     *
     * @param value    null unless {@code status} is reported
     * @param used     the value the figure takes for this unit, period, indicator and kind; true where one form
     *                 states it
     * @param conflict a reported value more than 1% away from the reported value the figure uses
     */
    public record SourceValue(IndicatorCode indicator, BigDecimal value, ValueStatus status, ValueKind kind,
                              boolean used, boolean conflict) {
    }
}
