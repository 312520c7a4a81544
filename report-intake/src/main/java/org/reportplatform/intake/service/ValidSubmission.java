package org.reportplatform.intake.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.intake.domain.SeriesKey;
import org.reportplatform.intake.rest.SubmissionRequest;

/** A request that passed {@link SubmissionValidator}, in the contracts' types, with numbers in canonical form. */
record ValidSubmission(String submissionKey, Region region, DatasetCode dataset, PeriodCode period, List<ReportedValue> values) {

    /** Converts a request the validator accepted; on any other request the contracts' types throw. */
    static ValidSubmission of(SubmissionRequest request, RegionRegistry regions) {
        List<ReportedValue> values = request.values().stream()
                .map(value -> new ReportedValue(
                        IndicatorCode.of(value.indicator()),
                        value.value() == null ? null : Numbers.canonical(value.value()),
                        value.resolvedStatus().orElseThrow()))
                .toList();
        return new ValidSubmission(request.submissionKey(), regions.find(RegionCode.of(request.region())).orElseThrow(),
                DatasetCode.of(request.dataset()), PeriodCode.of(request.period()), values);
    }

    SeriesKey series() {
        return new SeriesKey(region.code().value(), dataset.value(), period.value());
    }

    /**
     * SHA-256 of the content, the same however the sender orders the values or writes the numbers (329, 329.0):
     * a replay of a key matches it, a reuse of the key for other content does not.
     */
    String contentHash() {
        String canonical = region.code() + "|" + dataset + "|" + period + "|" + values.stream()
                .sorted(Comparator.comparing(ReportedValue::indicator))
                .map(value -> value.indicator() + "=" + value.status().json() + ":" + (value.value() == null ? "" : value.value().toPlainString()))
                .collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
