package org.reportplatform.dashboard.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.dashboard.service.FormPeriods;

/** Parses request parameters; a missing or malformed one is a 400 problem that names it. */
final class RequestParameters {

    private RequestParameters() {
    }

    /** A parameter that must be there, taken as it is; what it names is checked where it is looked up. */
    static String required(String name, String raw) {
        return parse(name, raw, value -> value);
    }

    static RegionCode regionCode(String name, String raw) {
        return parse(name, raw, RegionCode::of);
    }

    static DatasetCode datasetCode(String name, String raw) {
        return parse(name, raw, DatasetCode::of);
    }

    static PeriodCode period(String name, String raw) {
        return parse(name, raw, PeriodCode::of);
    }

    /** The basis of figures: all data received unless {@code accepted} is asked for. */
    static Basis basis(String name, String raw) {
        return raw == null ? Basis.RECEIVED : parse(name, raw, value -> {
            try {
                return Basis.of(value);
            } catch (IllegalArgumentException notABasis) {
                throw new IllegalArgumentException("is received (the default) or accepted");
            }
        });
    }

    /** The longest trend a request may ask for: 30 years, 10 years of quarters. */
    static final int MAX_PERIODS = 40;

    /** The periods from {@code from} to {@code to}, both included: of one type, in order, at most {@link #MAX_PERIODS}. */
    static List<PeriodCode> periodRange(String fromName, String fromRaw, String toName, String toRaw) {
        PeriodCode from = period(fromName, fromRaw);
        PeriodCode to = period(toName, toRaw);
        if (from.type() != to.type()) {
            throw invalid(toName, "is a " + to.type() + " period, " + fromName + " a " + from.type() + " one",
                    "与 " + fromName + " 的期别类型不同（" + to.type() + " / " + from.type() + "）");
        }
        if (to.compareTo(from) < 0) {
            throw invalid(toName, "comes before " + fromName, "早于 " + fromName);
        }
        List<PeriodCode> periods = new ArrayList<>();
        for (PeriodCode period = from; period.compareTo(to) <= 0; period = next(period)) {
            if (periods.size() == MAX_PERIODS) {
                throw invalid(toName, "is more than " + MAX_PERIODS + " periods after " + fromName,
                        "距 " + fromName + " 超过 " + MAX_PERIODS + " 期");
            }
            periods.add(period);
        }
        return periods;
    }

    /** The period after: years to date overlap, so the one after 2023YTD09 is 2024YTD09. */
    private static PeriodCode next(PeriodCode period) {
        if (period.type() == PeriodType.YEAR_TO_DATE) {
            return PeriodCode.of(period.start().getYear() + 1 + period.value().substring(4));
        }
        return PeriodCode.containing(period.end().plusDays(1), period.type()).orElseThrow();
    }

    /**
     * A period of the type {@code form} is reported for, or one its periods make up (a year of a quarterly form): a
     * quarter of a yearly form was never asked for.
     */
    static PeriodCode periodOf(Dataset form, String name, String raw) {
        PeriodCode period = period(name, raw);
        if (FormPeriods.makingUp(form, period).isEmpty()) {
            throw invalid(name, form.code() + " is reported per " + form.periodType() + " period, not " + period.type(),
                    form.code() + " 按 " + form.periodType() + " 期别报送，" + period + " 不由其期别组成");
        }
        return period;
    }

    private static <T> T parse(String name, String raw, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            throw invalid(name, "is required", "必填");
        }
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException malformed) {
            throw invalid(name, malformed.getMessage(), "格式不正确：" + malformed.getMessage());
        }
    }

    static ProblemException invalid(String name, String message, String messageZh) {
        Problem problem = Problem.of("invalid-parameter", "Invalid parameter", 400, "invalid parameter " + name + ": " + message)
                .withChinese("参数有误", "参数 " + name + " 有误：" + messageZh)
                .withErrors(List.of(new FieldError(name, message, messageZh)));
        return new ProblemException(problem);
    }
}
