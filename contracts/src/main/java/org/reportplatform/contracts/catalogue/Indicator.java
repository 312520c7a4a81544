package org.reportplatform.contracts.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One catalogue row. For {@link AggregationRule#RATIO} the numerator and denominator name other indicators and
 * {@code factor} scales the quotient (100 for %); for {@link AggregationRule#AVERAGE_WEIGHTED} the denominator is
 * the weight.
 */
public record Indicator(
        IndicatorCode code,
        String nameZh,
        String nameEn,
        String domain,
        String unit,
        ValueType valueType,
        AggregationRule rule,
        Optional<IndicatorCode> numerator,
        Optional<IndicatorCode> denominator,
        BigDecimal factor,
        Temporal temporal,
        List<String> synonyms,
        Direction better) {

    /** The indicators a unit must also send for this one to roll up; empty for additive indicators. */
    public List<IndicatorCode> components() {
        return switch (rule) {
            case RATIO -> List.of(numerator.orElseThrow(), denominator.orElseThrow());
            case AVERAGE_WEIGHTED -> List.of(denominator.orElseThrow());
            default -> List.of();
        };
    }
}
