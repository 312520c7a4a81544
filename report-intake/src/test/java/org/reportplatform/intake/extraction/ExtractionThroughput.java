package org.reportplatform.intake.extraction;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.reportplatform.contracts.catalogue.Catalogue;

/**
 * Benchmark, not a test: reads the seed reports, repeated to at least 500 KB of UTF-8, on one thread, and prints
 * the throughput (median and p99 of the runs) after a warm-up. The command is in the README, "Reading narrative
 * reports".
 */
public final class ExtractionThroughput {

    private static final int MIN_BYTES = 500 * 1024;
    private static final int WARM_UP_RUNS = 5;
    private static final int MEASURED_RUNS = 30;
    private static final double PERCENTILE = 0.99;

    private ExtractionThroughput() {
    }

    public static void main(String[] args) {
        StringBuilder corpus = new StringBuilder();
        List<String> seeds = List.of("000_abfefead265de2d0.txt", "002_44967305fb5d70f9.txt", "004_7d4591389bb67c36.txt");
        while (corpus.toString().getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            seeds.forEach(seed -> corpus.append(GoldSet.document(seed)).append('\n'));
        }
        String text = corpus.toString();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        ExtractionPipeline pipeline = new ExtractionPipeline(Catalogue.load());
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            pipeline.extract(text);
        }
        double[] seconds = new double[MEASURED_RUNS];
        int facts = 0;
        for (int i = 0; i < MEASURED_RUNS; i++) {
            long start = System.nanoTime();
            facts = pipeline.extract(text).facts().size();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[MEASURED_RUNS / 2];
        double p99 = seconds[Math.min(MEASURED_RUNS - 1, (int) Math.ceil(PERCENTILE * MEASURED_RUNS) - 1)];
        System.out.printf("text: %d characters, %d bytes UTF-8, %d facts per run; %d runs after %d warm-up%n",
                text.length(), bytes, facts, MEASURED_RUNS, WARM_UP_RUNS);
        System.out.printf("time per run: median %.0f ms, p99 %.0f ms%n", median * 1000, p99 * 1000);
        System.out.printf("throughput: median %.0f chars/s (%.2f MB/s), p99 %.0f chars/s%n",
                text.length() / median, bytes / median / 1e6, text.length() / p99);
    }
}
