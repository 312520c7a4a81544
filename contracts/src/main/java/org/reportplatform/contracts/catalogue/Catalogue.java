package org.reportplatform.contracts.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.reportplatform.contracts.period.PeriodType;
import org.reportplatform.contracts.region.RegionKind;

/**
 * The indicator catalogue ({@code reference/indicators.csv}) and the forms built on it ({@code reference/datasets.json}).
 * A form lists indicators by code or prefix; it also contains every component its ratios and weighted averages need.
 */
public final class Catalogue {

    private static final String INDICATORS = "reference/indicators.csv";
    private static final String DATASETS = "reference/datasets.json";

    private final Map<IndicatorCode, Indicator> indicators;
    private final Map<DatasetCode, Dataset> datasets;
    private final Map<IndicatorCode, DatasetCode> owners;

    /** A catalogue whose indicators are each held by one form, or have no owner form where several hold them. */
    public Catalogue(Collection<Indicator> indicators, Collection<Dataset> datasets) {
        this(indicators, datasets, Map.of());
    }

    /**
     * @param declaredOwners the owner form of indicators that several forms hold: the one source of their figures
     */
    public Catalogue(Collection<Indicator> indicators, Collection<Dataset> datasets,
                     Map<IndicatorCode, DatasetCode> declaredOwners) {
        this.indicators = indicators.stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity(), Catalogue::duplicate, LinkedHashMap::new));
        this.datasets = datasets.stream()
                .collect(Collectors.toMap(Dataset::code, Function.identity(), Catalogue::duplicate, LinkedHashMap::new));
        indicators.forEach(this::checkComponents);
        datasets.forEach(dataset -> dataset.indicators().forEach(code -> {
            if (!this.indicators.containsKey(code)) {
                throw new IllegalArgumentException("dataset " + dataset.code() + " names unknown indicator " + code);
            }
        }));
        this.owners = owners(declaredOwners);
    }

    /** The declared owners, checked, and the only form of every indicator that one form holds. */
    private Map<IndicatorCode, DatasetCode> owners(Map<IndicatorCode, DatasetCode> declared) {
        declared.forEach((indicator, form) -> {
            if (dataset(form).filter(dataset -> dataset.contains(indicator)).isEmpty()) {
                throw new IllegalArgumentException(indicator + " is owned by " + form + ", which does not hold it");
            }
        });
        Map<IndicatorCode, DatasetCode> all = new LinkedHashMap<>(declared);
        indicators.keySet().forEach(indicator -> {
            List<Dataset> holding = formsHolding(indicator);
            if (holding.size() == 1) {
                all.putIfAbsent(indicator, holding.get(0).code());
            }
        });
        return Collections.unmodifiableMap(all);
    }

    /** The catalogue of {@code reference/}, in which every indicator that several forms hold has an owner form. */
    public static Catalogue load() {
        List<IndicatorRow> rows = readIndicatorRows();
        List<Indicator> indicators = rows.stream().map(IndicatorRow::toIndicator).toList();
        Map<IndicatorCode, Indicator> byCode = indicators.stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity(), Catalogue::duplicate, LinkedHashMap::new));
        List<Dataset> datasets = readDatasetDefinitions().stream().map(d -> d.toDataset(byCode)).toList();
        Map<IndicatorCode, DatasetCode> declaredOwners = rows.stream()
                .filter(row -> !IndicatorRow.blank(row.owner_form()))
                .collect(Collectors.toMap(row -> IndicatorCode.of(row.code()), row -> DatasetCode.of(row.owner_form().trim())));
        Catalogue catalogue = new Catalogue(indicators, datasets, declaredOwners);
        catalogue.indicators().stream().map(Indicator::code).filter(code -> catalogue.ownerFormOf(code).isEmpty())
                .filter(code -> !catalogue.formsHolding(code).isEmpty())
                .findFirst().ifPresent(code -> {
                    throw new IllegalArgumentException(code + " is held by several forms: " + INDICATORS
                            + " must name its owner_form");
                });
        return catalogue;
    }

    public Optional<Indicator> indicator(IndicatorCode code) {
        return Optional.ofNullable(indicators.get(code));
    }

    public Collection<Indicator> indicators() {
        return indicators.values();
    }

    public Optional<Dataset> dataset(DatasetCode code) {
        return Optional.ofNullable(datasets.get(code));
    }

    public Collection<Dataset> datasets() {
        return datasets.values();
    }

    /** The forms that hold the indicator, in catalogue order. */
    public List<Dataset> formsHolding(IndicatorCode indicator) {
        return datasets.values().stream().filter(form -> form.contains(indicator)).toList();
    }

    /**
     * The one form whose value of the indicator a figure uses when several forms state it (population comes from the
     * education report); the only form holding it otherwise. Empty for an indicator no form holds.
     */
    public Optional<DatasetCode> ownerFormOf(IndicatorCode indicator) {
        return Optional.ofNullable(owners.get(indicator));
    }

    /** The ratios and weighted averages that use {@code component} as numerator, denominator or weight. */
    public List<Indicator> dependentsOf(IndicatorCode component) {
        return indicators.values().stream().filter(i -> i.components().contains(component)).toList();
    }

    private void checkComponents(Indicator indicator) {
        if (indicator.rule() == AggregationRule.RATIO && (indicator.numerator().isEmpty() || indicator.denominator().isEmpty())) {
            throw new IllegalArgumentException(indicator.code() + " is a RATIO without numerator and denominator");
        }
        if (indicator.rule() == AggregationRule.AVERAGE_WEIGHTED && indicator.denominator().isEmpty()) {
            throw new IllegalArgumentException(indicator.code() + " is AVERAGE_WEIGHTED without a weight (denominator)");
        }
        indicator.components().forEach(component -> {
            Indicator used = indicators.get(component);
            if (used == null) {
                throw new IllegalArgumentException(indicator.code() + " uses unknown indicator " + component);
            }
            if (used.rule() != AggregationRule.SUM) {
                throw new IllegalArgumentException(indicator.code() + " uses " + component + ", which is not additive");
            }
        });
    }

    private static <T> T duplicate(T first, T second) {
        throw new IllegalArgumentException("listed twice: " + first);
    }

    private static List<IndicatorRow> readIndicatorRows() {
        try (InputStream in = open(INDICATORS)) {
            MappingIterator<IndicatorRow> rows = new CsvMapper().readerFor(IndicatorRow.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(in);
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDICATORS, e);
        }
    }

    private static List<DatasetDefinition> readDatasetDefinitions() {
        try (InputStream in = open(DATASETS)) {
            return new ObjectMapper().readValue(in, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DATASETS, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return in;
    }

    /** One line of indicators.csv, with the column names it has. */
    record IndicatorRow(String code, String name_zh, String name_en, String domain, String unit, String value_type,
                        String aggregation, String numerator, String denominator, String factor, String temporal,
                        String synonyms, String better, String owner_form) {

        Indicator toIndicator() {
            return new Indicator(
                    IndicatorCode.of(code), name_zh, name_en, domain, unit,
                    ValueType.valueOf(upper(value_type)),
                    AggregationRule.valueOf(upper(aggregation)),
                    optionalCode(numerator),
                    optionalCode(denominator),
                    blank(factor) ? BigDecimal.ONE : new BigDecimal(factor.trim()),
                    Temporal.valueOf(upper(temporal)),
                    blank(synonyms) ? List.of() : Arrays.stream(synonyms.split("\\|")).map(String::trim).toList(),
                    Direction.valueOf(upper(better)));
        }

        private static Optional<IndicatorCode> optionalCode(String value) {
            return blank(value) ? Optional.empty() : Optional.of(IndicatorCode.of(value.trim()));
        }

        private static String upper(String value) {
            return value.trim().toUpperCase(Locale.ROOT);
        }

        static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /**
     * One entry of datasets.json: indicators are chosen by code ({@code indicators}) or by prefix
     * ({@code indicatorPrefixes}, less {@code excludedIndicators}: those another form collects more often), then
     * closed over their components. {@code unitKinds} names the kinds of county-level unit it is assigned to, all by
     * default; {@code requiredIndicators} those a full report states, by default all but the rates (computed from their
     * components).
     */
    record DatasetDefinition(String code, String nameZh, String nameEn, PeriodType periodType, int dueDaysAfterPeriodEnd,
                             List<String> indicators, List<String> indicatorPrefixes, List<String> excludedIndicators,
                             Set<RegionKind> unitKinds, List<String> requiredIndicators) {

        DatasetDefinition {
            indicators = indicators == null ? List.of() : indicators;
            indicatorPrefixes = indicatorPrefixes == null ? List.of() : indicatorPrefixes;
            excludedIndicators = excludedIndicators == null ? List.of() : excludedIndicators;
            unitKinds = unitKinds == null ? Dataset.ALL_UNIT_KINDS : unitKinds;
            if (!Dataset.ALL_UNIT_KINDS.containsAll(unitKinds)) {
                throw new IllegalArgumentException("dataset " + code + " is assigned to kinds that do not report: " + unitKinds);
            }
        }

        Dataset toDataset(Map<IndicatorCode, Indicator> catalogue) {
            Stream.of(indicators, excludedIndicators, requiredIndicators == null ? List.<String>of() : requiredIndicators)
                    .flatMap(List::stream)
                    .filter(named -> !catalogue.containsKey(IndicatorCode.of(named)))
                    .findFirst().ifPresent(unknown -> {
                        throw new IllegalArgumentException("dataset " + code + " names unknown indicator " + unknown);
                    });
            Set<IndicatorCode> chosen = new LinkedHashSet<>();
            Deque<IndicatorCode> pending = new ArrayDeque<>();
            catalogue.keySet().stream()
                    .filter(code -> indicators.contains(code.value())
                            || indicatorPrefixes.stream().anyMatch(prefix -> code.value().startsWith(prefix)))
                    .filter(code -> !excludedIndicators.contains(code.value()))
                    .forEach(pending::add);
            while (!pending.isEmpty()) {
                IndicatorCode code = pending.poll();
                if (chosen.add(code)) {
                    pending.addAll(catalogue.get(code).components());
                }
            }
            Set<IndicatorCode> inCatalogueOrder = catalogue.keySet().stream()
                    .filter(chosen::contains)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            // a rate is computed from its components, never required: a unit enters the components (a stated one is
            // only checked against them)
            Set<IndicatorCode> required = requiredIndicators == null
                    ? inCatalogueOrder.stream().filter(indicator -> catalogue.get(indicator).rule() != AggregationRule.RATIO)
                            .collect(Collectors.toCollection(LinkedHashSet::new))
                    : requiredIndicators.stream().map(IndicatorCode::of).collect(Collectors.toCollection(LinkedHashSet::new));
            return new Dataset(DatasetCode.of(code), nameZh, nameEn, periodType, dueDaysAfterPeriodEnd,
                    Collections.unmodifiableSet(inCatalogueOrder), unitKinds, required);
        }
    }
}
