package org.reportplatform.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.domain.SeriesKey;
import org.reportplatform.intake.rest.SubmissionRequest;
import org.reportplatform.intake.rest.ValueRequest;

/**
 * A request that passed {@link SubmissionValidator}, in the contracts' types, with numbers in canonical form.
 *
 * @param values       in the order of the request, so that a position names the same field as in the request
 * @param explanations the values' explanations, for the values that carry one
 */
record ValidSubmission(String submissionKey, Region region, DatasetCode dataset, PeriodCode period, List<ReportedValue> values,
                       Map<IndicatorCode, String> explanations) {

    /** Converts a request the validator accepted; on any other request the contracts' types throw. */
    static ValidSubmission of(SubmissionRequest request, RegionRegistry regions) {
        List<ReportedValue> values = request.values().stream()
                .map(value -> new ReportedValue(
                        IndicatorCode.of(value.indicator()),
                        value.value() == null ? null : Numbers.canonical(value.value()),
                        value.resolvedStatus().orElseThrow()))
                .toList();
        Map<IndicatorCode, String> explanations = request.values().stream()
                .filter(value -> value.explanation() != null)
                .collect(Collectors.toMap(value -> IndicatorCode.of(value.indicator()), ValueRequest::explanation));
        return new ValidSubmission(request.submissionKey(), regions.find(RegionCode.of(request.region())).orElseThrow(),
                DatasetCode.of(request.dataset()), PeriodCode.of(request.period()), values, explanations);
    }

    SeriesKey series() {
        return seriesOf(period);
    }

    /** The series of the same unit and form for another period. */
    SeriesKey seriesOf(PeriodCode other) {
        return new SeriesKey(region.code().value(), dataset.value(), other.value());
    }

    /** The reported numbers, as the rules see them. */
    List<RuleChecker.Figure> figures() {
        return IntStream.range(0, values.size())
                .filter(position -> values.get(position).isReported())
                .mapToObj(position -> new RuleChecker.Figure(position, values.get(position).indicator(), values.get(position).value()))
                .toList();
    }

    /**
     * SHA-256 of the content, the same however the sender orders the values or writes the numbers (329, 329.0):
     * a replay of a key matches it, a reuse of the key for other content, another explanation included, does not.
     */
    String contentHash() {
        String canonical = region.code() + "|" + dataset + "|" + period + "|" + values.stream()
                .sorted(Comparator.comparing(ReportedValue::indicator))
                .map(value -> value.indicator() + "=" + value.status().json() + ":" + (value.value() == null ? "" : value.value().toPlainString())
                        + explanationPart(value.indicator()))
                .collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Length-prefixed, so that no explanation can pass for the values after it; empty without one, so that the
     * hashes stored before explanations existed still match their replays.
     */
    private String explanationPart(IndicatorCode indicator) {
        String explanation = explanations.get(indicator);
        return explanation == null ? "" : "#" + explanation.length() + ":" + explanation;
    }
}
