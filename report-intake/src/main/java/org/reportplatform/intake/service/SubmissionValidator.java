package org.reportplatform.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.catalogue.ValueType;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.config.IntakeConfig;
import org.reportplatform.intake.domain.Numbers;
import org.reportplatform.intake.rest.SubmissionRequest;
import org.reportplatform.intake.rest.ValueRequest;

/**
 * Checks a submission against the regions, the catalogue and the hard validation rules and names every bad field,
 * so that a county fixes all of them in one round. Messages quote only codes that passed their format check and
 * numbers, never free text (which may be long).
 */
@ApplicationScoped
public class SubmissionValidator {

    private static final int MAX_KEY_LENGTH = 128;

    private static final Pattern KEY_CHARACTERS = Pattern.compile("[A-Za-z0-9._:-]+");
    /** Periods begin by the calendar of the province, not of the server. */
    private static final ZoneId REPORTING_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Map<PeriodType, String> PERIOD_EXAMPLES = Map.of(
            PeriodType.YEARLY, "2020",
            PeriodType.HALF_YEARLY, "2020S1",
            PeriodType.QUARTERLY, "2020Q3",
            PeriodType.MONTHLY, "202009",
            PeriodType.ACADEMIC_YEAR, "2020AY",
            PeriodType.SEMESTER, "2020T1");

    private final RegionRegistry regions;
    private final Catalogue catalogue;
    private final IntakeConfig config;
    private final RuleChecker rules;

    SubmissionValidator(RegionRegistry regions, Catalogue catalogue, IntakeConfig config, RuleChecker rules) {
        this.regions = regions;
        this.catalogue = catalogue;
        this.config = config;
        this.rules = rules;
    }

    /** Every problem of the request; empty when it may be stored. */
    public List<FieldError> validate(SubmissionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        checkKey(request.submissionKey(), errors);
        Optional<Region> region = checkRegion(request.region(), errors);
        Optional<Dataset> dataset = checkDataset(request.dataset(), errors);
        checkAssignment(region, dataset, errors);
        checkPeriod(request.period(), dataset, errors);
        checkValues(request.values(), dataset, errors);
        return errors;
    }

    /** The problems of a series a submission would belong to (region, form, period), e.g. for a draft of one. */
    public List<FieldError> validateSeries(String region, String dataset, String period) {
        List<FieldError> errors = new ArrayList<>();
        checkRegion(region, errors);
        checkPeriod(period, checkDataset(dataset, errors), errors);
        return errors;
    }

    private static void checkKey(String key, List<FieldError> errors) {
        if (isBlank(key)) {
            errors.add(new FieldError("submissionKey", "is required: your system's id of this submission, sent again on a retry"));
        } else if (key.length() > MAX_KEY_LENGTH) {
            errors.add(new FieldError("submissionKey", "has at most " + MAX_KEY_LENGTH + " characters"));
        } else if (!KEY_CHARACTERS.matcher(key).matches()) {
            errors.add(new FieldError("submissionKey", "may contain only letters, digits, '.', '_', ':' and '-'"));
        }
    }

    /** The reporting unit, when the code names one. */
    private Optional<Region> checkRegion(String code, List<FieldError> errors) {
        if (isBlank(code)) {
            errors.add(new FieldError("region", "is required: the six-digit code of the reporting unit, e.g. 360722"));
            return Optional.empty();
        }
        Optional<Region> region = parse(() -> RegionCode.of(code)).flatMap(regions::find);
        if (region.isEmpty()) {
            errors.add(new FieldError("region", "is not a known region code (six digits, GB/T 2260, e.g. 360722)"));
        } else if (!region.get().isReportingUnit()) {
            errors.add(new FieldError("region", code + " is a " + region.get().level().name().toLowerCase(Locale.ROOT)
                    + "; submissions come from county-level units"));
            return Optional.empty();
        }
        return region;
    }

    /** A unit reports the forms assigned to its kind only: a figure nobody expects would count in no completeness. */
    private static void checkAssignment(Optional<Region> region, Optional<Dataset> dataset, List<FieldError> errors) {
        if (region.isPresent() && dataset.isPresent() && !dataset.get().isAssignedTo(region.get())) {
            errors.add(new FieldError("dataset", dataset.get().code() + " is not assigned to " + region.get().code()
                    + ", a unit of kind " + region.get().kind() + "; it is reported by "
                    + dataset.get().unitKinds().stream().sorted().map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    private Optional<Dataset> checkDataset(String code, List<FieldError> errors) {
        if (isBlank(code)) {
            errors.add(new FieldError("dataset", "is required, e.g. edu_annual"));
            return Optional.empty();
        }
        Optional<Dataset> dataset = parse(() -> DatasetCode.of(code)).flatMap(catalogue::dataset);
        if (dataset.isEmpty()) {
            errors.add(new FieldError("dataset", "is not a known form; GET /api/v1/datasets lists them"));
        }
        return dataset;
    }

    private static void checkPeriod(String code, Optional<Dataset> dataset, List<FieldError> errors) {
        if (isBlank(code)) {
            errors.add(new FieldError("period", "is required, e.g. 2020"));
            return;
        }
        Optional<PeriodCode> period = parse(() -> PeriodCode.of(code));
        if (period.isEmpty()) {
            errors.add(new FieldError("period", "is written 2020, 2020S1, 2020Q3, 202009, 2020AY or 2020T1, from "
                    + PeriodCode.FIRST_YEAR + " on"));
            return;
        }
        PeriodType type = period.get().type();
        if (dataset.isPresent() && dataset.get().periodType() != type) {
            PeriodType expected = dataset.get().periodType();
            errors.add(new FieldError("period", dataset.get().code() + " is reported for " + describe(expected)
                    + " periods such as " + PERIOD_EXAMPLES.get(expected) + "; " + code + " is a " + describe(type) + " period"));
        } else if (period.get().start().isAfter(LocalDate.now(REPORTING_ZONE))) {
            errors.add(new FieldError("period", code + " has not begun yet (it starts " + period.get().start() + ")"));
        }
    }

    private void checkValues(List<ValueRequest> values, Optional<Dataset> dataset, List<FieldError> errors) {
        if (values == null || values.isEmpty()) {
            errors.add(new FieldError("values", "must list at least one indicator"));
            return;
        }
        if (values.size() > config.maxValues()) {
            errors.add(new FieldError("values", "may list at most " + config.maxValues() + " indicators; this lists " + values.size()));
            return;
        }
        Map<Statement, Integer> firstPositions = new HashMap<>();
        List<CheckedValue> checked = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ValueRequest value = values.get(i);
            String field = "values[" + i + "]";
            if (value == null) {
                errors.add(new FieldError(field, "is required: an object with indicator, value and status"));
                continue;
            }
            Optional<Indicator> indicator = checkIndicator(value.indicator(), field, dataset, errors);
            Optional<ValueStatus> status = value.resolvedStatus();
            Optional<ValueKind> kind = value.resolvedKind();
            if (kind.isEmpty()) {
                errors.add(new FieldError(field + ".kind", "is actual (the default) or target"));
            }
            Optional<BigDecimal> number = Optional.empty();
            if (status.isEmpty()) {
                errors.add(new FieldError(field + ".status", "is reported, redacted or missing"));
            } else {
                number = checkValue(value.value(), status.get(), indicator, field, errors);
            }
            checkExplanation(value.explanation(), field, errors);
            if (indicator.isPresent() && kind.isPresent()) {
                Integer first = firstPositions.putIfAbsent(new Statement(indicator.get().code(), kind.get()), i);
                if (first != null) {
                    errors.add(new FieldError(field + ".indicator", "the " + kind.get().json() + " "
                            + indicator.get().code() + " is already listed at values[" + first + "]"));
                } else if (status.isPresent()) {
                    checked.add(new CheckedValue(i, indicator.get(), status.get(), kind.get(), number));
                }
            }
        }
        // targets follow the same rules as actuals: they roll up the same way, and completion compares the two
        for (ValueKind kind : ValueKind.values()) {
            List<CheckedValue> ofKind = checked.stream().filter(value -> value.kind() == kind).toList();
            checkComponents(ofKind, errors);
            checkHardRules(ofKind, errors);
        }
    }

    /** An indicator may be stated once as an actual and once as a target. */
    private record Statement(IndicatorCode indicator, ValueKind kind) {
    }

    private Optional<Indicator> checkIndicator(String code, String field, Optional<Dataset> dataset, List<FieldError> errors) {
        if (isBlank(code)) {
            errors.add(new FieldError(field + ".indicator", "is required, e.g. edu_school_count"));
            return Optional.empty();
        }
        Optional<Indicator> indicator = parse(() -> IndicatorCode.of(code)).flatMap(catalogue::indicator);
        if (indicator.isEmpty()) {
            errors.add(new FieldError(field + ".indicator", "is not a known indicator; GET /api/v1/datasets lists them"));
            return Optional.empty();
        }
        if (dataset.isPresent() && !dataset.get().contains(indicator.get().code())) {
            errors.add(new FieldError(field + ".indicator", code + " is not part of " + dataset.get().code()));
            return Optional.empty();
        }
        return indicator;
    }

    /** The reported number when it is a valid one; empty when none is reported or it is wrong. */
    private static Optional<BigDecimal> checkValue(BigDecimal value, ValueStatus status, Optional<Indicator> indicator,
                                                   String field, List<FieldError> errors) {
        String valueField = field + ".value";
        if (status == ValueStatus.REPORTED && value == null) {
            errors.add(new FieldError(valueField, "is required; to withhold a figure send status redacted or missing"));
        } else if (status != ValueStatus.REPORTED && value != null) {
            errors.add(new FieldError(valueField, "must be null when the status is " + status.json()));
        } else if (value != null) {
            if (Numbers.integerDigits(value) > Numbers.MAX_INTEGER_DIGITS) {
                errors.add(new FieldError(valueField, "has more than " + Numbers.MAX_INTEGER_DIGITS + " digits before the decimal point"));
            } else if (Numbers.decimals(value) > Numbers.MAX_DECIMALS) {
                errors.add(new FieldError(valueField, "has more than " + Numbers.MAX_DECIMALS + " decimals"));
            } else if (value.signum() < 0 && indicator.isPresent() && indicator.get().valueType().isNonNegativeQuantity()) {
                errors.add(new FieldError(valueField, "cannot be negative: " + indicator.get().code() + " is "
                        + describe(indicator.get().valueType())));
            } else {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static void checkExplanation(String explanation, String field, List<FieldError> errors) {
        if (explanation == null) {
            return;
        }
        String explanationField = field + ".explanation";
        if (explanation.isBlank()) {
            errors.add(new FieldError(explanationField, "is empty; leave it out when there is nothing to explain"));
        } else {
            FreeText.problemOf(explanation).ifPresent(problem -> errors.add(new FieldError(explanationField, problem)));
        }
    }

    /**
     * A value whose indicator and status are valid: what the component check works on.
     *
     * @param number the reported number when it is valid: what the rules check
     */
    private record CheckedValue(int position, Indicator indicator, ValueStatus status, ValueKind kind,
                                Optional<BigDecimal> number) {
    }

    /**
     * Hard rules need no history (the previous-year check is soft), so they are checked here, with every other
     * field; SubmissionService applies the soft ones once it has read the previous year.
     */
    private void checkHardRules(List<CheckedValue> values, List<FieldError> errors) {
        List<RuleChecker.Figure> figures = values.stream()
                .filter(value -> value.number().isPresent())
                .map(value -> new RuleChecker.Figure(value.position(), value.indicator().code(), value.number().get()))
                .toList();
        rules.check(figures, RuleChecker.PreviousYear.NONE).stream()
                .filter(RuleChecker.Finding::isHard)
                .forEach(finding -> errors.add(new FieldError(finding.field(), finding.message())));
    }

    /** A rate or weighted average rolls up only from its components, so a unit that reports one reports them too. */
    private static void checkComponents(List<CheckedValue> values, List<FieldError> errors) {
        Set<IndicatorCode> reported = values.stream()
                .filter(value -> value.status() == ValueStatus.REPORTED)
                .map(value -> value.indicator().code())
                .collect(Collectors.toSet());
        for (CheckedValue value : values) {
            Indicator indicator = value.indicator();
            if (value.status() != ValueStatus.REPORTED || !indicator.rule().needsComponents()) {
                continue;
            }
            List<IndicatorCode> unreported = indicator.components().stream().filter(c -> !reported.contains(c)).toList();
            if (!unreported.isEmpty()) {
                errors.add(new FieldError("values[" + value.position() + "].indicator",
                        describeComponents(indicator) + " (not reported here: " + join(unreported) + ")"));
            }
        }
    }

    private static String describeComponents(Indicator indicator) {
        return indicator.rule() == AggregationRule.RATIO
                ? indicator.code() + " is computed from " + join(indicator.components()) + ": send both"
                : indicator.code() + " is an average weighted by " + join(indicator.components()) + ": send it too";
    }

    private static String describe(ValueType type) {
        return switch (type) {
            case COUNT -> "a count";
            case AMOUNT -> "an amount of money";
            case AREA -> "an area";
            default -> "a " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String describe(PeriodType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String join(List<IndicatorCode> codes) {
        return codes.stream().map(IndicatorCode::value).collect(Collectors.joining(" and "));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The parsed code, or empty when the text is not one (the contracts' types throw on a bad format). */
    private static <T> Optional<T> parse(Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (IllegalArgumentException badFormat) {
            return Optional.empty();
        }
    }
}
