package org.reportplatform.indicators.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;

/**
 * What one reporting unit states for one period, of one kind (actuals or targets), over what each of its forms
 * states. Some indicators sit in several forms (pop_resident in the education and the sports report); the most
 * recently submitted statement wins, ties broken by the later dataset code, so the unit counts once whatever it sent.
 */
public final class UnitStatements {

    private static final Comparator<FormStatement> OLDEST_FIRST = Comparator
            .comparing(FormStatement::statedAt)
            .thenComparing(form -> form.dataset().value());

    private final Map<IndicatorCode, ReportedValue> statements = new HashMap<>();

    /** @param forms one statement per form, all of the same unit and period */
    public UnitStatements(Collection<FormStatement> forms, ValueKind kind) {
        forms.stream().sorted(OLDEST_FIRST)
                .forEach(form -> form.values().stream()
                        .filter(value -> value.kind() == kind)
                        .forEach(value -> statements.put(value.indicator(), value)));
    }

    /**
     * The unit's part in the indicator's figure for its city and province, or empty when the unit does not state
     * it at all. A withheld figure counts as withheld, never as zero. A rate a unit states itself is never used:
     * rates and averages are recomputed from their components at every level.
     */
    public Optional<Tally> contributionTo(Indicator indicator) {
        return switch (indicator.rule()) {
            case SUM, NONE -> single(indicator.code(), Tally::ofValue);
            case MAX -> single(indicator.code(), Tally::ofMaxCandidate);
            case RATIO -> ratio(indicator);
            case AVERAGE_WEIGHTED -> weightedAverage(indicator);
        };
    }

    private Optional<Tally> single(IndicatorCode code, Function<BigDecimal, Tally> contribution) {
        ReportedValue stated = statements.get(code);
        if (stated == null) {
            return Optional.empty();
        }
        return Optional.of(stated.isReported() ? contribution.apply(stated.value()) : Tally.WITHHELD);
    }

    private Optional<Tally> ratio(Indicator indicator) {
        ReportedValue numerator = statements.get(indicator.numerator().orElseThrow());
        ReportedValue denominator = statements.get(indicator.denominator().orElseThrow());
        if (reported(numerator) && reported(denominator)) {
            return Optional.of(Tally.ofQuotient(numerator.value(), denominator.value()));
        }
        // A unit takes part in a ratio by stating its numerator or withholding the rate; a withheld denominator
        // shared by many ratios (schools, population) says nothing of ratios whose numerator the unit never states.
        boolean takesPart = numerator != null || withheld(statements.get(indicator.code()));
        return takesPart ? Optional.of(Tally.WITHHELD) : Optional.empty();
    }

    private Optional<Tally> weightedAverage(Indicator indicator) {
        ReportedValue value = statements.get(indicator.code());
        ReportedValue weight = statements.get(indicator.denominator().orElseThrow());
        if (reported(value) && reported(weight)) {
            return Optional.of(Tally.ofQuotient(value.value().multiply(weight.value()), weight.value()));
        }
        if (withheld(value) || (value != null && withheld(weight))) {
            return Optional.of(Tally.WITHHELD);
        }
        return Optional.empty();
    }

    private static boolean reported(ReportedValue stated) {
        return stated != null && stated.isReported();
    }

    private static boolean withheld(ReportedValue stated) {
        return stated != null && !stated.isReported();
    }
}
