package org.reportplatform.dashboard.rest;

import java.math.BigDecimal;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Direction;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.catalogue.Temporal;
import org.reportplatform.contracts.catalogue.ValueType;

/**
 * A catalogue entry as dashboards need it (without the synonyms, which only matter when reading reports).
 *
 * @param numerator   null unless the rule is RATIO
 * @param denominator the weight for AVERAGE_WEIGHTED; null for additive indicators
 */
public record IndicatorView(
        IndicatorCode code,
        String nameZh,
        String nameEn,
        String domain,
        String unit,
        ValueType valueType,
        AggregationRule rule,
        IndicatorCode numerator,
        IndicatorCode denominator,
        BigDecimal factor,
        Temporal temporal,
        Direction better) {

    static IndicatorView of(Indicator indicator) {
        return new IndicatorView(indicator.code(), indicator.nameZh(), indicator.nameEn(), indicator.domain(),
                indicator.unit(), indicator.valueType(), indicator.rule(), indicator.numerator().orElse(null),
                indicator.denominator().orElse(null), indicator.factor(), indicator.temporal(), indicator.better());
    }
}
