package org.reportplatform.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BENCHMARKS.md and BENCHMARKS.json. Everything below {@link #KEPT} in the existing BENCHMARKS.md is the closing
 * note, written by a person reading the figures and their profiles: it is kept when the figures are regenerated.
 */
final class Report {

    static final String KEPT = "<!-- closing note: written by hand, kept when bin/platform bench regenerates the figures above -->";

    record Contents(String date, String mode, String commit, Map<String, String> machine, List<Figure> figures, List<String> notes) {
    }

    private Report() {
    }

    static void write(Path markdown, Path json, Contents contents) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("date", contents.date());
        document.put("mode", contents.mode());
        document.put("commit", contents.commit());
        document.put("machine", contents.machine());
        document.put("figures", contents.figures());
        document.put("notes", contents.notes());
        Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n");

        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Measured on %s (%s run) at commit `%s` by `bin/platform bench`; the same figures, machine-readable, are in\n"
                .formatted(contents.date(), contents.mode(), contents.commit()));
        md.append("[BENCHMARKS.json](BENCHMARKS.json). How they are measured: [docs/adr/0015-benchmarks.md](docs/adr/0015-benchmarks.md).\n");
        md.append("Each figure is the median and the p99 (nearest rank, the bad end: slowest latency, lowest rate) of its repeated\n");
        md.append("runs after a warm-up; ratios are taken run by run, the two sides measured one right after the other, because the\n");
        md.append("machine is shared and its load changes by the minute. Freshness is read by counting: every submission raises one\n");
        md.append("province figure by exactly 1, and each 202 is fresh when the live stream first shows its count. Beside freshness and\n");
        md.append("the burst, each stage's CPU per accepted submission (from /proc; PostgreSQL with all its backends; Kafka and\n");
        md.append("PostgreSQL are the machine's, shared with any other work), the committed records per topic and the machine's idle\n");
        md.append("CPU over the load: below 20% idle a figure is marked unreliable. The column \"issue 14\" sets the median against\n");
        md.append("that issue's floor and goal.\n\n");
        md.append("## Machine\n\n| | |\n| --- | --- |\n");
        contents.machine().forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        String section = null;
        // measured in the order the pipeline needs, reported in the order (sections are numbered)
        for (Figure figure : contents.figures().stream().sorted(Comparator.comparing(Figure::section)).toList()) {
            if (!figure.section().equals(section)) {
                section = figure.section();
                md.append("\n## ").append(section).append("\n\n| figure | median | p99 | unit | runs | issue 14 | note |\n| --- | ---: | ---: | --- | --- | --- | --- |\n");
            }
            md.append("| ").append(figure.name()).append(" | ").append(number(figure.median())).append(" | ").append(number(figure.p99()))
                    .append(" | ").append(figure.unit()).append(" | ")
                    .append(String.join(", ", figure.runs().stream().map(Report::number).toList()))
                    .append(" | ").append(figure.target())
                    .append(" | ").append(figure.note() == null ? "" : figure.note()).append(" |\n");
        }
        if (!contents.notes().isEmpty()) {
            md.append("\n## Notes of this run\n\n");
            contents.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        md.append('\n').append(KEPT).append('\n');
        md.append(closingNote(markdown));
        Files.writeString(markdown, md.toString());
    }

    private static String closingNote(Path markdown) throws IOException {
        if (!Files.exists(markdown)) {
            return "\n## Closing note\n\n(none yet: where a figure is poor, say why here, with the profile that shows it)\n";
        }
        String existing = Files.readString(markdown);
        int kept = existing.indexOf(KEPT);
        return kept < 0 ? "" : existing.substring(kept + KEPT.length() + 1);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
