package org.reportplatform.dashboard.rest;

import java.util.List;
import java.util.function.Function;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.contracts.region.RegionCode;

/** Parses request parameters; a missing or malformed one is a 400 problem that names it. */
final class RequestParameters {

    private RequestParameters() {
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

    /** An event id this service gave out: a non-negative whole number. */
    static long lastEventId(String raw) {
        return parse(StreamResource.LAST_EVENT_ID, raw, value -> {
            try {
                long id = Long.parseLong(value.trim());
                if (id >= 0) {
                    return id;
                }
            } catch (NumberFormatException notANumber) {
                // answered below, as for a negative number
            }
            throw new IllegalArgumentException("is the id of an event of this stream, a whole number ≥ 0");
        });
    }

    /** A period of the type {@code form} is reported for: a quarter of a yearly form was never asked for. */
    static PeriodCode periodOf(Dataset form, String name, String raw) {
        PeriodCode period = period(name, raw);
        if (period.type() != form.periodType()) {
            throw invalid(name, form.code() + " is reported per " + form.periodType() + " period, not " + period.type());
        }
        return period;
    }

    private static <T> T parse(String name, String raw, Function<String, T> parser) {
        if (raw == null || raw.isBlank()) {
            throw invalid(name, "is required");
        }
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException malformed) {
            throw invalid(name, malformed.getMessage());
        }
    }

    private static ProblemException invalid(String name, String message) {
        Problem problem = Problem.of("invalid-parameter", "Invalid parameter", 400, "invalid parameter " + name + ": " + message)
                .withErrors(List.of(new FieldError(name, message)));
        return new ProblemException(problem);
    }
}
