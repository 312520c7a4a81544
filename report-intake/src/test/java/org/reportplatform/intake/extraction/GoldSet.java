package org.reportplatform.intake.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The facts a person annotated in the seed reports, reading the text, and the regions of each report that were
 * annotated in full ({@code extraction/gold-regions.csv}). The development set ({@code gold-facts.csv}) was used
 * while the rules were written; the held-out set ({@code gold-facts-held-out.csv}) was annotated afterwards and
 * never used to change them.
 */
final class GoldSet {

    static final String DEVELOPMENT = "development";
    static final String HELD_OUT = "held-out";

    record Region(String doc, int start, int end, String set) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    record GoldFact(String doc, String set, BigDecimal value, String unit, Qualifier qualifier, FactKind kind, String indicator) {
    }

    private GoldSet() {
    }

    static List<Region> regions() {
        return rows("gold-regions.csv").stream()
                .map(r -> new Region(r[0], Integer.parseInt(r[1]), Integer.parseInt(r[2]), r[3]))
                .toList();
    }

    static List<GoldFact> facts() {
        return Stream.concat(facts("gold-facts.csv", DEVELOPMENT), facts("gold-facts-held-out.csv", HELD_OUT)).toList();
    }

    private static Stream<GoldFact> facts(String file, String set) {
        return rows(file).stream()
                .map(r -> new GoldFact(r[0], set, new BigDecimal(r[1]), r[2], Qualifier.valueOf(r[3].toUpperCase(Locale.ROOT)),
                        FactKind.valueOf(r[4].toUpperCase(Locale.ROOT)), r[5].isEmpty() ? null : r[5]));
    }

    static String document(String name) {
        return resource("extraction/seeds/" + name);
    }

    /** Data rows of a small CSV without quoted fields. */
    private static List<String[]> rows(String file) {
        return resource("extraction/" + file).lines().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.split(",", -1))
                .toList();
    }

    private static String resource(String path) {
        try (InputStream in = GoldSet.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
