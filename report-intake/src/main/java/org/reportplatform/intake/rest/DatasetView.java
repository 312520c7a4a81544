package org.reportplatform.intake.rest;

import java.util.List;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.catalogue.ValueType;
import org.reportplatform.contracts.period.PeriodType;
import org.reportplatform.contracts.region.RegionKind;

/** A form and what to send for it: county systems learn the indicators of a submission from here. */
public record DatasetView(String code, String nameZh, String nameEn, PeriodType periodType, int dueDaysAfterPeriodEnd,
                          List<RegionKind> unitKinds, List<IndicatorView> indicators) {

    /**
     * One indicator of the form.
     *
     * @param components the indicators that must be reported beside this one (numerator and denominator of a
     *                   RATIO, the weight of an AVERAGE_WEIGHTED); empty for additive indicators
     */
    public record IndicatorView(String code, String nameZh, String nameEn, String unit, ValueType valueType,
                                AggregationRule rule, List<String> components) {

        static IndicatorView of(Indicator indicator) {
            return new IndicatorView(indicator.code().value(), indicator.nameZh(), indicator.nameEn(), indicator.unit(),
                    indicator.valueType(), indicator.rule(),
                    indicator.components().stream().map(IndicatorCode::value).toList());
        }
    }

    public static DatasetView of(Dataset dataset, Catalogue catalogue) {
        List<IndicatorView> indicators = dataset.indicators().stream()
                .map(code -> IndicatorView.of(catalogue.indicator(code).orElseThrow()))
                .toList();
        return new DatasetView(dataset.code().value(), dataset.nameZh(), dataset.nameEn(), dataset.periodType(),
                dataset.dueDaysAfterPeriodEnd(), dataset.unitKinds().stream().sorted().toList(), indicators);
    }
}
