package org.reportplatform.dashboard.rest;

import java.math.BigDecimal;
import java.util.List;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Direction;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.catalogue.Temporal;
import org.reportplatform.contracts.catalogue.ValueType;
import org.reportplatform.contracts.period.PeriodType;

/**
 * A catalogue entry as dashboards need it (without the synonyms, which only matter when reading reports).
 *
 * @param numerator   null unless the rule is RATIO
 * @param denominator the weight for AVERAGE_WEIGHTED; null for additive indicators
 * @param datasets    the forms that report it, with their period type: what a dashboard asks completeness of
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
        Direction better,
        List<Form> datasets) {

    public record Form(DatasetCode code, String nameZh, String nameEn, PeriodType periodType) {
    }

    static IndicatorView of(Indicator indicator, Catalogue catalogue) {
        List<Form> forms = catalogue.datasets().stream()
                .filter(form -> form.contains(indicator.code()))
                .map(form -> new Form(form.code(), form.nameZh(), form.nameEn(), form.periodType()))
                .toList();
        return new IndicatorView(indicator.code(), indicator.nameZh(), indicator.nameEn(), indicator.domain(),
                indicator.unit(), indicator.valueType(), indicator.rule(), indicator.numerator().orElse(null),
                indicator.denominator().orElse(null), indicator.factor(), indicator.temporal(), indicator.better(), forms);
    }
}
