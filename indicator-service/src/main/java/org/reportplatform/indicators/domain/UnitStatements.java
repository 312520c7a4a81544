package org.reportplatform.indicators.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.CountedSubmission;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;

/**
 * What one reporting unit states for one period, of one kind (actuals or targets), over what each of its forms
 * states. Some indicators sit in several forms (pop_resident in the education, science and sports reports); a figure
 * has one source per unit, so that the unit counts once and its population does not depend on which bureau
 * submitted last: the indicator's owner form ({@link Catalogue#ownerFormOf}, edu_annual for the population) when
 * that form states it, and until it does, the form that stated it most recently, ties broken by the later dataset
 * code. A form states an indicator when it reports or withholds it, or states it for only part of a longer period
 * (incomplete): the owner's incomplete statement leaves the unit incomplete rather than let another form stand in.
 */
public final class UnitStatements {

    private static final Comparator<FormStatement> OLDEST_FIRST = Comparator
            .comparing(FormStatement::statedAt)
            .thenComparing(form -> form.dataset().value());

    /**
     * A form's statement of an indicator: its value, or none when the form states it for part of the period only,
     * and the submission versions it is made of.
     */
    private record Source(DatasetCode form, Optional<ReportedValue> value, List<CountedSubmission> versions) {
    }

    /** Lineage in a stable order: by period, then form. */
    private static final Comparator<CountedSubmission> LINEAGE_ORDER = Comparator
            .comparing((CountedSubmission counted) -> counted.period().value())
            .thenComparing(counted -> counted.dataset().value());

    private final Catalogue catalogue;
    private final Map<IndicatorCode, Source> statements = new HashMap<>();
    /** Every form's statement of each indicator, the counting one and those it overrides: what lineage shows. */
    private final Map<IndicatorCode, List<Source>> everyStatement = new HashMap<>();

    /** @param forms one statement per form, all of the same unit and period */
    public UnitStatements(Collection<FormStatement> forms, ValueKind kind, Catalogue catalogue) {
        this.catalogue = catalogue;
        forms.stream().sorted(OLDEST_FIRST).forEach(form -> {
            form.values().stream()
                    .filter(value -> value.kind() == kind)
                    .forEach(value -> offer(value.indicator(), new Source(form.dataset(), Optional.of(value),
                            form.sourcesOf(Statement.of(value)))));
            form.incomplete().stream()
                    .filter(statement -> statement.kind() == kind)
                    .forEach(statement -> offer(statement.indicator(), new Source(form.dataset(), Optional.empty(),
                            form.sourcesOf(statement))));
        });
    }

    /** Offered oldest first: a later form replaces an earlier one's statement unless that is the owner form's. */
    private void offer(IndicatorCode indicator, Source source) {
        everyStatement.computeIfAbsent(indicator, code -> new ArrayList<>()).add(source);
        Source current = statements.get(indicator);
        if (current == null || !catalogue.ownerFormOf(indicator).map(current.form()::equals).orElse(false)) {
            statements.put(indicator, source);
        }
    }

    /**
     * The unit's part in the indicator's figure for its city and province, or empty when the unit does not state
     * it at all. A withheld figure counts as withheld, never as zero; one stated for part of a longer period only, as
     * incomplete. A rate a unit states itself is never used: rates and averages are recomputed from their components
     * at every level, and a unit whose component is incomplete is incomplete for them.
     */
    public Optional<Tally> contributionTo(Indicator indicator) {
        return switch (indicator.rule()) {
            case SUM, NONE -> single(indicator.code(), Tally::ofValue);
            case MAX -> single(indicator.code(), Tally::ofMaxCandidate);
            case RATIO -> ratio(indicator);
            case AVERAGE_WEIGHTED -> weightedAverage(indicator);
        };
    }

    /**
     * The submission versions the unit's contribution to the indicator is made of: for the indicator and each of its
     * components, the counting versions of every form that states it (every sub-period's for a roll-up over time).
     * The form whose statement counts (the owner form's, else the latest) is among them, and so is any other form's
     * statement it overrides, so that lineage can show where the unit's forms disagree.
     */
    public List<CountedSubmission> sourcesOf(Indicator indicator) {
        return Stream.concat(Stream.of(indicator.code()), indicator.components().stream())
                .map(code -> everyStatement.getOrDefault(code, List.of()))
                .flatMap(List::stream)
                .flatMap(source -> source.versions().stream())
                .distinct()
                .sorted(LINEAGE_ORDER)
                .toList();
    }

    private Optional<Tally> single(IndicatorCode code, Function<BigDecimal, Tally> contribution) {
        if (incomplete(code)) {
            return Optional.of(Tally.INCOMPLETE);
        }
        ReportedValue stated = complete(code);
        if (stated == null) {
            return Optional.empty();
        }
        return Optional.of(stated.isReported() ? contribution.apply(stated.value()) : Tally.WITHHELD);
    }

    private Optional<Tally> ratio(Indicator indicator) {
        IndicatorCode numeratorCode = indicator.numerator().orElseThrow();
        IndicatorCode denominatorCode = indicator.denominator().orElseThrow();
        ReportedValue numerator = complete(numeratorCode);
        ReportedValue denominator = complete(denominatorCode);
        if (reported(numerator) && reported(denominator)) {
            return Optional.of(Tally.ofQuotient(numerator.value(), denominator.value()));
        }
        // A unit takes part in a ratio by stating its numerator or withholding the rate; a withheld denominator
        // shared by many ratios (schools, population) says nothing of ratios whose numerator the unit never states.
        boolean takesPart = statements.containsKey(numeratorCode) || incomplete(indicator.code())
                || withheld(complete(indicator.code()));
        if (!takesPart) {
            return Optional.empty();
        }
        boolean incomplete = incomplete(numeratorCode) || incomplete(denominatorCode) || incomplete(indicator.code());
        return Optional.of(incomplete ? Tally.INCOMPLETE : Tally.WITHHELD);
    }

    private Optional<Tally> weightedAverage(Indicator indicator) {
        IndicatorCode weightCode = indicator.denominator().orElseThrow();
        ReportedValue value = complete(indicator.code());
        ReportedValue weight = complete(weightCode);
        if (reported(value) && reported(weight)) {
            return Optional.of(Tally.ofQuotient(value.value().multiply(weight.value()), weight.value()));
        }
        if (!statements.containsKey(indicator.code())) {
            return Optional.empty();
        }
        if (incomplete(indicator.code()) || incomplete(weightCode)) {
            return Optional.of(Tally.INCOMPLETE);
        }
        return withheld(value) || withheld(weight) ? Optional.of(Tally.WITHHELD) : Optional.empty();
    }

    /** The unit's statement of the indicator for the whole period, reported or withheld; null when there is none. */
    private ReportedValue complete(IndicatorCode code) {
        Source source = statements.get(code);
        return source == null ? null : source.value().orElse(null);
    }

    private boolean incomplete(IndicatorCode code) {
        Source source = statements.get(code);
        return source != null && source.value().isEmpty();
    }

    private static boolean reported(ReportedValue stated) {
        return stated != null && stated.isReported();
    }

    private static boolean withheld(ReportedValue stated) {
        return stated != null && !stated.isReported();
    }
}
