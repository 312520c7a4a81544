package org.reportplatform.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import org.reportplatform.contracts.region.RegionLevel;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.config.IntakeConfig;
import org.reportplatform.intake.domain.Numbers;
import org.reportplatform.intake.rest.SubmissionRequest;
import org.reportplatform.intake.rest.ValueRequest;

/**
 * Checks a submission against the regions, the catalogue, the reporting windows and the hard validation rules and
 * names every bad field, in English and in Chinese, so that a county fixes all of them in one round. Messages quote
 * only codes that passed their format check and numbers, never free text (which may be long).
 * <p>
 * A county-level unit reports actual values, and targets, for periods of its form's type. A city or the province
 * states only targets, for itself as a whole (the 下达 targets it sets): whether the caller may do so is the resource's
 * to decide; here the content is checked. A target may be set for a longer period made up of the form's periods (a
 * year of a quarterly form), and a rate target may be the rate alone: a target is an aim, not a count to roll up.
 */
@ApplicationScoped
public class SubmissionValidator {

    private static final int MAX_KEY_LENGTH = 128;
    /** How far ahead a target may be set: a five-year plan's (十四五, 十五五) last year. */
    private static final int TARGET_YEARS_AHEAD = 5;

    private static final Pattern KEY_CHARACTERS = Pattern.compile("[A-Za-z0-9._:-]+");
    /** Periods begin and end by the calendar of the province, not of the server. */
    /** Reporting periods begin and end on China's calendar. */
    static final ZoneId REPORTING_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Map<PeriodType, String> PERIOD_EXAMPLES = Map.of(
            PeriodType.YEARLY, "2020",
            PeriodType.HALF_YEARLY, "2020S1",
            PeriodType.QUARTERLY, "2020Q3",
            PeriodType.MONTHLY, "202009",
            PeriodType.ACADEMIC_YEAR, "2020AY",
            PeriodType.SEMESTER, "2020T1");
    private static final Map<PeriodType, String> PERIOD_TYPES_ZH = Map.of(
            PeriodType.YEARLY, "年度",
            PeriodType.HALF_YEARLY, "半年",
            PeriodType.QUARTERLY, "季度",
            PeriodType.MONTHLY, "月度",
            PeriodType.ACADEMIC_YEAR, "学年",
            PeriodType.SEMESTER, "学期");
    private static final Map<RegionLevel, String> LEVELS_ZH = Map.of(
            RegionLevel.PROVINCE, "省",
            RegionLevel.CITY, "设区市",
            RegionLevel.COUNTY, "县级单位");
    private static final Map<ValueType, String> VALUE_TYPES_ZH = Map.of(
            ValueType.COUNT, "计数",
            ValueType.AMOUNT, "金额",
            ValueType.AREA, "面积",
            ValueType.SCORE, "分数",
            ValueType.RATE, "比率",
            ValueType.RATIO, "比值",
            ValueType.PER_CAPITA, "人均值");

    private final RegionRegistry regions;
    private final Catalogue catalogue;
    private final IntakeConfig config;
    private final RuleChecker rules;
    private final Clock clock;

    SubmissionValidator(RegionRegistry regions, Catalogue catalogue, IntakeConfig config, RuleChecker rules, Clock clock) {
        this.regions = regions;
        this.catalogue = catalogue;
        this.config = config;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Every problem of the request; empty when it may be stored. What the region is (a reporting unit, or a city or
     * province stating its own targets) is read from the region registry.
     */
    public List<FieldError> validate(SubmissionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        checkKey(request.submissionKey(), errors);
        Optional<Region> region = checkRegion(request.region(), errors);
        Optional<Dataset> dataset = checkDataset(request.dataset(), errors);
        boolean targetsOnly = statesTargetsOnly(request.values());
        region.ifPresent(known -> checkRegionStates(known, targetsOnly, dataset, errors));
        Optional<PeriodCode> period = parsePeriod(request.period(), errors);
        if (region.isPresent() && period.isPresent()) {
            checkRegionInUse(region.get(), period.get(), errors);
        }
        if (period.isPresent() && dataset.isPresent()) {
            if (targetsOnly) {
                checkTargetPeriod(period.get(), dataset.get(), errors);
            } else {
                checkActualPeriod(period.get(), dataset.get(), errors);
            }
        }
        checkValues(request.values(), dataset, errors);
        return errors;
    }

    /**
     * True when every value the request lists is a target; the default kind is actual, and a value of a kind that
     * cannot be read (its own error) counts as none, so that it does not earn a city's submission a second error.
     */
    private static boolean statesTargetsOnly(List<ValueRequest> values) {
        List<ValueRequest> listed = values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
        return !listed.isEmpty() && listed.stream()
                .allMatch(value -> value.resolvedKind().map(ValueKind.TARGET::equals).orElse(true));
    }

    /**
     * A unit reports a period under the code in use then: 赣县 360721 until 2015, 赣县区 360704 from 2016
     * (docs/adr/0017). A code not yet or no longer in use in the period names the one that was.
     */
    private void checkRegionInUse(Region region, PeriodCode period, List<FieldError> errors) {
        if (regions.isValidIn(region.code(), period)) {
            return;
        }
        String validity = region.validity().toString();
        String inUse = sameUnitInUse(region.code(), period).stream().map(RegionCode::value).collect(Collectors.joining(" / "));
        String instead = inUse.isEmpty() ? "" : "; report it as " + inUse;
        String insteadZh = inUse.isEmpty() ? "" : "；请以 " + inUse + " 报送";
        errors.add(new FieldError("region", region.code() + " " + region.name() + " was not in use in " + period
                + " (in use " + validity + ")" + instead,
                region.code() + " " + region.name() + " 在 " + period + " 不是有效的区划代码（有效期 " + validity + "）" + insteadZh));
    }

    /**
     * The codes the same unit had in the period: its successor, or the predecessors it took over (新建区 360112 took over
     * 新建县 360122 and, in 2019, 湾里区 360105). Only on refusals.
     */
    private List<RegionCode> sameUnitInUse(RegionCode code, PeriodCode period) {
        Optional<RegionCode> successor = regions.successorOf(code).filter(next -> regions.isValidIn(next, period));
        if (successor.isPresent()) {
            return List.of(successor.get());
        }
        return regions.allRecords().stream().map(Region::code).distinct()
                .filter(earlier -> regions.isValidIn(earlier, period) && regions.isPredecessorOf(earlier, code))
                .toList();
    }

    /** The problems of a series of actual values (region, form, period), e.g. for a draft of one. */
    public List<FieldError> validateSeries(String region, String dataset, String period) {
        List<FieldError> errors = new ArrayList<>();
        checkRegion(region, errors).filter(known -> !known.isReportingUnit())
                .ifPresent(known -> errors.add(notAReportingUnit(known)));
        Optional<Dataset> form = checkDataset(dataset, errors);
        Optional<PeriodCode> parsed = parsePeriod(period, errors);
        if (parsed.isPresent() && form.isPresent()) {
            checkActualPeriod(parsed.get(), form.get(), errors);
        }
        return errors;
    }

    private static void checkKey(String key, List<FieldError> errors) {
        if (isBlank(key)) {
            errors.add(new FieldError("submissionKey", "is required: your system's id of this submission, sent again on a retry",
                    "必填：贵方系统中此次报送的编号，重试时原样再发"));
        } else if (key.length() > MAX_KEY_LENGTH) {
            errors.add(new FieldError("submissionKey", "has at most " + MAX_KEY_LENGTH + " characters",
                    "最多 " + MAX_KEY_LENGTH + " 个字符"));
        } else if (!KEY_CHARACTERS.matcher(key).matches()) {
            errors.add(new FieldError("submissionKey", "may contain only letters, digits, '.', '_', ':' and '-'",
                    "只能含字母、数字和 '.'、'_'、':'、'-'"));
        }
    }

    /** The region, when the code names one. */
    private Optional<Region> checkRegion(String code, List<FieldError> errors) {
        if (isBlank(code)) {
            errors.add(new FieldError("region", "is required: the six-digit code of the reporting unit, e.g. 360722",
                    "必填：报送单位的六位行政区划代码，如 360722"));
            return Optional.empty();
        }
        Optional<Region> region = parse(() -> RegionCode.of(code)).flatMap(regions::find);
        if (region.isEmpty()) {
            errors.add(new FieldError("region", "is not a known region code (six digits, GB/T 2260, e.g. 360722)",
                    "不是已知的行政区划代码（六位，GB/T 2260，如 360722）"));
        }
        return region;
    }

    /**
     * A county-level unit reports the forms assigned to its kind only: a figure nobody expects would count in no
     * completeness. A city or the province reports no actual value of its own (its figures are its units'), only
     * the targets it sets for itself as a whole.
     */
    private static void checkRegionStates(Region region, boolean targetsOnly, Optional<Dataset> dataset, List<FieldError> errors) {
        if (!region.isReportingUnit()) {
            if (!targetsOnly) {
                errors.add(notAReportingUnit(region));
            }
        } else if (dataset.isPresent() && !dataset.get().isAssignedTo(region)) {
            String kinds = dataset.get().unitKinds().stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
            errors.add(new FieldError("dataset", dataset.get().code() + " is not assigned to " + region.code()
                    + ", a unit of kind " + region.kind() + "; it is reported by " + kinds,
                    dataset.get().code() + " 未布置给 " + region.code() + "（单位类型 " + region.kind() + "）；报送单位类型为 " + kinds));
        }
    }

    private static FieldError notAReportingUnit(Region region) {
        return new FieldError("region", region.code() + " is a " + region.level().name().toLowerCase(Locale.ROOT)
                + "; actual values come from county-level units, a city or the province states only its own targets",
                region.code() + " 是" + LEVELS_ZH.get(region.level()) + "；实际值由县级单位报送，设区市和省只报送本级目标值");
    }

    private Optional<Dataset> checkDataset(String code, List<FieldError> errors) {
        if (isBlank(code)) {
            errors.add(new FieldError("dataset", "is required, e.g. edu_annual", "必填，如 edu_annual"));
            return Optional.empty();
        }
        Optional<Dataset> dataset = parse(() -> DatasetCode.of(code)).flatMap(catalogue::dataset);
        if (dataset.isEmpty()) {
            errors.add(new FieldError("dataset", "is not a known form; GET /api/v1/datasets lists them",
                    "不是已知的报表；GET /api/v1/datasets 可列出全部报表"));
        }
        return dataset;
    }

    private static Optional<PeriodCode> parsePeriod(String code, List<FieldError> errors) {
        if (isBlank(code)) {
            errors.add(new FieldError("period", "is required, e.g. 2020", "必填，如 2020"));
            return Optional.empty();
        }
        Optional<PeriodCode> period = parse(() -> PeriodCode.of(code));
        if (period.isEmpty()) {
            String forms = "2020, 2020S1, 2020Q3, 202009, 2020AY or 2020T1";
            errors.add(new FieldError("period", "is written " + forms + ", from " + PeriodCode.FIRST_YEAR + " on",
                    "写作 " + forms.replace(" or ", ", ") + "，" + PeriodCode.FIRST_YEAR + " 年起"));
        }
        return period;
    }

    /** Actual values are of the form's own periods, once they have ended: a figure of a running period is not one yet. */
    private void checkActualPeriod(PeriodCode period, Dataset dataset, List<FieldError> errors) {
        PeriodType expected = dataset.periodType();
        if (period.type() != expected) {
            errors.add(new FieldError("period", dataset.code() + " is reported for " + describe(expected) + " periods such as "
                    + PERIOD_EXAMPLES.get(expected) + "; " + period + " is " + article(describe(period.type())) + " period",
                    dataset.code() + " 按" + PERIOD_TYPES_ZH.get(expected) + "报送，如 " + PERIOD_EXAMPLES.get(expected) + "；"
                            + period + " 是" + PERIOD_TYPES_ZH.get(period.type()) + "报告期"));
        } else if (!period.end().isBefore(today())) {
            errors.add(new FieldError("period", "the reporting period has not ended: " + period + " ends " + period.end()
                    + "; its actual values are accepted from the day after (targets alone may be sent now)",
                    "报告期未结束：" + period + " 于 " + period.end() + " 结束，实际值次日起方可报送（目标值现在即可单独报送）"));
        }
    }

    /**
     * Targets are set ahead, for the form's periods or longer ones made up of them, up to a five-year plan ahead;
     * and for past periods too, where a target was set but not yet entered.
     */
    private void checkTargetPeriod(PeriodCode period, Dataset dataset, List<FieldError> errors) {
        PeriodType formType = dataset.periodType();
        boolean madeOfFormPeriods = period.type() == formType || PeriodCode.containing(period.start(), formType)
                .map(first -> first.enclosingPeriods().contains(period))
                .orElse(false);
        LocalDate latestStart = today().plusYears(TARGET_YEARS_AHEAD);
        if (!madeOfFormPeriods) {
            errors.add(new FieldError("period", dataset.code() + " is reported for " + describe(formType) + " periods such as "
                    + PERIOD_EXAMPLES.get(formType) + ", and its targets set for them or for longer periods made up of them; "
                    + period + " is not made up of " + describe(formType) + " periods",
                    dataset.code() + " 按" + PERIOD_TYPES_ZH.get(formType) + "报送，如 " + PERIOD_EXAMPLES.get(formType)
                            + "，目标值可按该报告期或由其组成的更长报告期设定；" + period + " 不由" + PERIOD_TYPES_ZH.get(formType) + "报告期组成"));
        } else if (period.start().isAfter(latestStart)) {
            errors.add(new FieldError("period", "targets are set at most " + TARGET_YEARS_AHEAD + " years ahead, for periods beginning by "
                    + latestStart + "; " + period + " begins " + period.start(),
                    "目标值最多提前 " + TARGET_YEARS_AHEAD + " 年设定，报告期须在 " + latestStart + " 前开始；" + period + " 于 "
                            + period.start() + " 开始"));
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), REPORTING_ZONE);
    }

    private void checkValues(List<ValueRequest> values, Optional<Dataset> dataset, List<FieldError> errors) {
        if (values == null || values.isEmpty()) {
            errors.add(new FieldError("values", "must list at least one indicator", "须至少列出一个指标"));
            return;
        }
        if (values.size() > config.maxValues()) {
            errors.add(new FieldError("values", "may list at most " + config.maxValues() + " indicators; this lists " + values.size(),
                    "最多列出 " + config.maxValues() + " 个指标；此处列出 " + values.size() + " 个"));
            return;
        }
        Map<Statement, Integer> firstPositions = new HashMap<>();
        List<CheckedValue> checked = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ValueRequest value = values.get(i);
            String field = "values[" + i + "]";
            if (value == null) {
                errors.add(new FieldError(field, "is required: an object with indicator, value and status",
                        "必填：含 indicator、value 和 status 的对象"));
                continue;
            }
            Optional<Indicator> indicator = checkIndicator(value.indicator(), field, dataset, errors);
            Optional<ValueStatus> status = value.resolvedStatus();
            Optional<ValueKind> kind = value.resolvedKind();
            if (kind.isEmpty()) {
                errors.add(new FieldError(field + ".kind", "is actual (the default) or target, in lower case",
                        "须为 actual（默认）或 target，小写"));
            }
            Optional<BigDecimal> number = Optional.empty();
            if (status.isEmpty()) {
                errors.add(new FieldError(field + ".status", "is reported, redacted or missing, in lower case",
                        "须为 reported、redacted 或 missing，小写"));
            } else {
                number = checkValue(value, status.get(), indicator, field, errors);
            }
            checkExplanation(value.explanation(), field, errors);
            if (indicator.isPresent() && kind.isPresent()) {
                Integer first = firstPositions.putIfAbsent(new Statement(indicator.get().code(), kind.get()), i);
                if (first != null) {
                    errors.add(new FieldError(field + ".indicator", "the " + kind.get().json() + " "
                            + indicator.get().code() + " is already listed at values[" + first + "]",
                            indicator.get().code() + " 的" + describeZh(kind.get()) + "已在 values[" + first + "] 列出"));
                } else if (status.isPresent()) {
                    checked.add(new CheckedValue(i, indicator.get(), status.get(), kind.get(), number));
                }
            }
        }
        List<CheckedValue> actuals = checked.stream().filter(value -> value.kind() == ValueKind.ACTUAL).toList();
        List<CheckedValue> targets = checked.stream().filter(value -> value.kind() == ValueKind.TARGET).toList();
        // a stated actual rate rolls up from its components; a target rate is an aim that needs none
        checkComponents(actuals, errors);
        checkComponents(targets.stream().filter(value -> value.indicator().rule() != AggregationRule.RATIO).toList(), errors);
        // targets follow the same hard rules as actuals: a target part above its target whole is as impossible
        checkHardRules(actuals, errors);
        checkHardRules(targets, errors);
    }

    /** An indicator may be stated once as an actual and once as a target. */
    private record Statement(IndicatorCode indicator, ValueKind kind) {
    }

    private Optional<Indicator> checkIndicator(String code, String field, Optional<Dataset> dataset, List<FieldError> errors) {
        if (isBlank(code)) {
            errors.add(new FieldError(field + ".indicator", "is required, e.g. edu_school_count", "必填，如 edu_school_count"));
            return Optional.empty();
        }
        Optional<Indicator> indicator = parse(() -> IndicatorCode.of(code)).flatMap(catalogue::indicator);
        if (indicator.isEmpty()) {
            errors.add(new FieldError(field + ".indicator", "is not a known indicator; GET /api/v1/datasets lists them",
                    "不是已知的指标；GET /api/v1/datasets 可列出全部指标"));
            return Optional.empty();
        }
        if (dataset.isPresent() && !dataset.get().contains(indicator.get().code())) {
            errors.add(new FieldError(field + ".indicator", code + " is not part of " + dataset.get().code(),
                    code + " 不属于 " + dataset.get().code()));
            return Optional.empty();
        }
        return indicator;
    }

    /** The reported number when it is a valid one; empty when none is reported or it is wrong. */
    private static Optional<BigDecimal> checkValue(ValueRequest request, ValueStatus status, Optional<Indicator> indicator,
                                                   String field, List<FieldError> errors) {
        String valueField = field + ".value";
        BigDecimal value = request.number();
        if (request.isValueNotANumber()) {
            errors.add(new FieldError(valueField, "is a JSON number, such as 12, not text or another type (\"12\" is text)",
                    "须为 JSON 数字，如 12，不能是文本或其他类型（\"12\" 是文本）"));
        } else if (status == ValueStatus.REPORTED && value == null) {
            errors.add(new FieldError(valueField, "is required; to withhold a figure send status redacted or missing",
                    "必填；不提供数字时请将 status 设为 redacted 或 missing"));
        } else if (status != ValueStatus.REPORTED && value != null) {
            errors.add(new FieldError(valueField, "must be null when the status is " + status.json(),
                    "status 为 " + status.json() + " 时须为 null"));
        } else if (value != null) {
            Optional<ValueType> type = indicator.map(Indicator::valueType);
            if (Numbers.integerDigits(value) > Numbers.MAX_INTEGER_DIGITS) {
                errors.add(new FieldError(valueField, "has more than " + Numbers.MAX_INTEGER_DIGITS + " digits before the decimal point",
                        "整数部分超过 " + Numbers.MAX_INTEGER_DIGITS + " 位"));
            } else if (Numbers.decimals(value) > Numbers.MAX_DECIMALS) {
                errors.add(new FieldError(valueField, "has more than " + Numbers.MAX_DECIMALS + " decimals",
                        "小数超过 " + Numbers.MAX_DECIMALS + " 位"));
            } else if (value.signum() < 0 && type.filter(ValueType::isNonNegativeQuantity).isPresent()) {
                errors.add(new FieldError(valueField, "cannot be negative: " + indicator.get().code() + " is " + describe(type.get()),
                        "不能为负数：" + indicator.get().code() + " 是" + VALUE_TYPES_ZH.get(type.get())));
            } else if (type.filter(ValueType.COUNT::equals).isPresent() && Numbers.decimals(value) > 0) {
                errors.add(new FieldError(valueField, "is a whole number: " + indicator.get().code() + " is a count, and "
                        + Numbers.canonical(value).toPlainString() + " is not",
                        "须为整数：" + indicator.get().code() + " 是计数，" + Numbers.canonical(value).toPlainString() + " 不是整数"));
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
            errors.add(new FieldError(explanationField, "is empty; leave it out when there is nothing to explain",
                    "为空；无需说明时请省略"));
        } else {
            FreeText.problemOf(explanationField, explanation).ifPresent(errors::add);
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
                .forEach(finding -> errors.add(new FieldError(finding.field(), finding.message(), finding.messageZh())));
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
                errors.add(componentsError(value, unreported));
            }
        }
    }

    private static FieldError componentsError(CheckedValue value, List<IndicatorCode> unreported) {
        Indicator indicator = value.indicator();
        String field = "values[" + value.position() + "].indicator";
        String missing = " (not reported here: " + join(unreported, " and ") + ")";
        String missingZh = "（此处未报：" + join(unreported, "、") + "）";
        if (indicator.rule() == AggregationRule.RATIO) {
            return new FieldError(field, indicator.code() + " is computed from " + join(indicator.components(), " and ")
                    + ": send both" + missing, indicator.code() + " 由 " + join(indicator.components(), " 和 ")
                    + " 计算得出：请一并报送" + missingZh);
        }
        return new FieldError(field, indicator.code() + " is an average weighted by " + join(indicator.components(), " and ")
                + ": send it too" + missing, indicator.code() + " 是以 " + join(indicator.components(), " 和 ")
                + " 加权的平均值：请一并报送" + missingZh);
    }

    private static String describe(ValueType type) {
        return switch (type) {
            case COUNT -> "a count";
            case AMOUNT -> "an amount of money";
            case AREA -> "an area";
            default -> article(type.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        };
    }

    private static String describe(PeriodType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String describeZh(ValueKind kind) {
        return kind == ValueKind.TARGET ? "目标值" : "实际值";
    }

    /** "a quarterly", "an academic year". */
    private static String article(String words) {
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    private static String join(List<IndicatorCode> codes, String separator) {
        return codes.stream().map(IndicatorCode::value).collect(Collectors.joining(separator));
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
