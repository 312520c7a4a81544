package org.reportplatform.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.domain.Numbers;
import org.reportplatform.intake.domain.SeriesKey;
import org.reportplatform.intake.rest.SubmissionRequest;

/**
 * A request that passed {@link SubmissionValidator}, in the contracts' types, with numbers in canonical form.
 *
 * @param values       in the order of the request, so that a position names the same field as in the request
 * @param explanations the values' explanations by position, for the values that carry one
 */
record ValidSubmission(String submissionKey, Region region, DatasetCode dataset, PeriodCode period, List<ReportedValue> values,
                       Map<Integer, String> explanations) {

    /** Converts a request the validator accepted; on any other request the contracts' types throw. */
    static ValidSubmission of(SubmissionRequest request, RegionRegistry regions) {
        List<ReportedValue> values = request.values().stream()
                .map(value -> new ReportedValue(
                        IndicatorCode.of(value.indicator()),
                        value.number() == null ? null : Numbers.canonical(value.number()),
                        value.resolvedStatus().orElseThrow(),
                        value.resolvedKind().orElseThrow()))
                .toList();
        Map<Integer, String> explanations = IntStream.range(0, request.values().size())
                .filter(position -> request.values().get(position).explanation() != null)
                .boxed()
                .collect(Collectors.toMap(position -> position, position -> request.values().get(position).explanation()));
        return new ValidSubmission(request.submissionKey(), regions.find(RegionCode.of(request.region())).orElseThrow(),
                DatasetCode.of(request.dataset()), PeriodCode.of(request.period()), values, explanations);
    }

    SeriesKey series() {
        return seriesOf(dataset, period);
    }

    /** A series of the same unit: of another form or another period. */
    SeriesKey seriesOf(DatasetCode form, PeriodCode when) {
        return new SeriesKey(region.code().value(), form.value(), when.value());
    }

    /** The reported actual numbers, as the rules that compare with the previous year see them. */
    List<RuleChecker.Figure> actualFigures() {
        return IntStream.range(0, values.size())
                .filter(position -> values.get(position).isReported() && values.get(position).kind() == ValueKind.ACTUAL)
                .mapToObj(position -> new RuleChecker.Figure(position, values.get(position).indicator(), values.get(position).value()))
                .toList();
    }

    /**
     * SHA-256 of the content, the same however the sender orders the values or writes the numbers (329, 329.0):
     * a replay of a key matches it, a reuse of the key for other content, another explanation or report date
     * included, does not. Nothing is added without a report date, so that older hashes still match their replays.
     */
    String contentHash(Optional<Instant> reportedAt) {
        String canonical = region.code() + "|" + dataset + "|" + period + "|" + IntStream.range(0, values.size()).boxed()
                .sorted(Comparator.comparing((Integer position) -> values.get(position).indicator())
                        .thenComparing(position -> values.get(position).kind()))
                .map(position -> {
                    ReportedValue value = values.get(position);
                    return kindPart(value.kind()) + value.indicator() + "=" + value.status().json() + ":"
                            + (value.value() == null ? "" : value.value().toPlainString()) + explanationPart(position);
                })
                .collect(Collectors.joining(",")) + reportedAt.map(at -> "|reportedAt=" + at).orElse("");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Nothing for an actual, so that the hashes stored before targets existed still match their replays. */
    private static String kindPart(ValueKind kind) {
        return kind == ValueKind.ACTUAL ? "" : kind.json() + ":";
    }

    /**
     * Length-prefixed, so that no explanation can pass for the values after it; empty without one, so that the
     * hashes stored before explanations existed still match their replays.
     */
    private String explanationPart(int position) {
        String explanation = explanations.get(position);
        return explanation == null ? "" : "#" + explanation.length() + ":" + explanation;
    }
}
