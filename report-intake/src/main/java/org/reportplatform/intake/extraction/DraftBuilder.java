package org.reportplatform.intake.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.intake.domain.Numbers;

/**
 * Turns what a report states into a draft of one form: actual facts (targets, changes, ranks and shares are not
 * what a form asks) whose indicator belongs to the form, converted to the catalogue's unit. When several facts
 * name one indicator the most confident (then the first) is proposed and the others are listed beside it; a
 * placeholder counts only for an indicator no number was read for.
 */
public final class DraftBuilder {

    private final Catalogue catalogue;

    public DraftBuilder(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Draft build(ExtractionResult result, Dataset dataset, String region, String period, String submissionKey) {
        Map<String, List<Fact>> factsByIndicator = new LinkedHashMap<>();
        result.facts().stream()
                .filter(f -> f.kind() == FactKind.ACTUAL && inForm(f.indicator(), dataset))
                .forEach(f -> factsByIndicator.computeIfAbsent(f.indicator(), code -> new ArrayList<>()).add(f));
        List<DraftValue> values = new ArrayList<>();
        factsByIndicator.forEach((code, facts) -> values.add(reported(code, facts)));
        Map<String, List<Redaction>> withheld = new LinkedHashMap<>();
        result.redactions().stream()
                .filter(r -> r.kind() == FactKind.ACTUAL && inForm(r.indicator(), dataset) && !factsByIndicator.containsKey(r.indicator()))
                .forEach(r -> withheld.computeIfAbsent(r.indicator(), code -> new ArrayList<>()).add(r));
        withheld.forEach((code, redactions) -> values.add(new DraftValue(code, null, "redacted", FactSource.of(redactions.get(0)),
                redactions.stream().skip(1).map(FactSource::of).toList())));
        return new Draft(submissionKey, region, dataset.code().value(), period, values);
    }

    private DraftValue reported(String code, List<Fact> facts) {
        List<Fact> ranked = facts.stream()
                .sorted(Comparator.comparingDouble(Fact::confidence).reversed().thenComparingInt(Fact::start))
                .toList();
        Fact chosen = ranked.get(0);
        Indicator indicator = catalogue.indicator(IndicatorCode.of(code)).orElseThrow();
        return new DraftValue(code, inCatalogueUnit(chosen, indicator), "reported", FactSource.of(chosen),
                ranked.stream().skip(1).map(FactSource::of).toList());
    }

    private static BigDecimal inCatalogueUnit(Fact fact, Indicator indicator) {
        return Numbers.canonical(fact.normalizedValue().divide(Units.catalogueFactor(indicator.unit())));
    }

    private static boolean inForm(String code, Dataset dataset) {
        return code != null && dataset.contains(IndicatorCode.of(code));
    }
}
