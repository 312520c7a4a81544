package org.reportplatform.indicators.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.catalogue.Temporal;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.SubmissionEvent;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;

/**
 * One unit's statements of one form over a longer period, from its submissions for the shorter periods in it (months
 * of a quarter, quarters of a year): a flow sums the sub-periods stated so far (a year to date), a stock takes the
 * latest sub-period that states it. A stock is never summed. A flow withheld in any sub-period is withheld for the
 * whole period: a sum without it would pass for the total.
 */
public final class PeriodRollUp {

    private record Statement(IndicatorCode indicator, ValueKind kind) {
    }

    private final Catalogue catalogue;

    public PeriodRollUp(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param subPeriods one form's submissions of one unit, for periods that together lie within the longer one;
     *                   not empty
     */
    public FormStatement over(List<SubmissionEvent> subPeriods) {
        List<SubmissionEvent> inOrder = subPeriods.stream().sorted(Comparator.comparing(SubmissionEvent::period)).toList();
        Map<Statement, ReportedValue> rolled = new LinkedHashMap<>();
        for (SubmissionEvent submission : inOrder) {
            for (ReportedValue value : submission.values()) {
                catalogue.indicator(value.indicator()).ifPresent(indicator -> rolled.merge(
                        new Statement(value.indicator(), value.kind()), value,
                        indicator.temporal() == Temporal.FLOW ? PeriodRollUp::sum : PeriodRollUp::latest));
            }
        }
        Instant statedAt = inOrder.stream().map(SubmissionEvent::submittedAt).max(Comparator.naturalOrder()).orElseThrow();
        return new FormStatement(inOrder.get(0).dataset(), statedAt, new ArrayList<>(rolled.values()));
    }

    private static ReportedValue sum(ReportedValue earlier, ReportedValue later) {
        if (!earlier.isReported()) {
            return earlier;
        }
        if (!later.isReported()) {
            return later;
        }
        BigDecimal total = earlier.value().add(later.value());
        return new ReportedValue(earlier.indicator(), total, ValueStatus.REPORTED, earlier.kind());
    }

    private static ReportedValue latest(ReportedValue earlier, ReportedValue later) {
        return later;
    }
}
