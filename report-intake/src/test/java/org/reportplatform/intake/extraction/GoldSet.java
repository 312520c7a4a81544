package org.reportplatform.intake.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The annotated facts of the seed reports ({@code extraction/gold-facts.csv}), read by a person from the text, and
 * the regions of each report that were annotated in full ({@code extraction/gold-regions.csv}).
 */
final class GoldSet {

    record Region(String doc, int start, int end) {
        boolean contains(String document, int offset) {
            return doc.equals(document) && offset >= start && offset < end;
        }
    }

    record GoldFact(String doc, BigDecimal value, String unit, Qualifier qualifier, FactKind kind, String indicator) {
    }

    private GoldSet() {
    }

    static List<Region> regions() {
        return rows("gold-regions.csv").stream()
                .map(r -> new Region(r[0], Integer.parseInt(r[1]), Integer.parseInt(r[2])))
                .toList();
    }

    static List<GoldFact> facts() {
        return rows("gold-facts.csv").stream()
                .map(r -> new GoldFact(r[0], new BigDecimal(r[1]), r[2], Qualifier.valueOf(r[3].toUpperCase(java.util.Locale.ROOT)),
                        FactKind.valueOf(r[4].toUpperCase(java.util.Locale.ROOT)), r[5].isEmpty() ? null : r[5]))
                .toList();
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
