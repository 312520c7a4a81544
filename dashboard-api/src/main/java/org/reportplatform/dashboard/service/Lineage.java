package org.reportplatform.dashboard.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
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
     * One submission, with the values it states of the figure's components (actuals and targets).
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
            List<ReportedValue> values) {
    }
}
