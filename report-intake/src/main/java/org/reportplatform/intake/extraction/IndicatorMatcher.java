package org.reportplatform.intake.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Indicator;

/**
 * Last stage: maps a number to the catalogue indicator whose name or synonym (indicators.csv) stands nearest
 * before it and whose unit fits the number's. A longer phrase wins over a shorter one ({@code 普惠性幼儿园在园幼儿}
 * over {@code 在园幼儿}).
 * Synonyms with X (a withheld number in the report they came from) are matched on their longest literal part.
 */
public final class IndicatorMatcher {

    private static final int MIN_PHRASE = 2;

    private record Phrase(String text, Indicator indicator) {
    }

    /** Phrases by their first character: a window is scanned once, whatever the catalogue's size. */
    private final Map<Character, List<Phrase>> byFirstChar = new HashMap<>();

    public IndicatorMatcher(Catalogue catalogue) {
        for (Indicator indicator : catalogue.indicators()) {
            List<String> phrases = new ArrayList<>(indicator.synonyms());
            phrases.add(indicator.nameZh());
            if (indicator.nameZh().endsWith("数") && indicator.nameZh().length() > MIN_PHRASE + 1) {
                phrases.add(indicator.nameZh().substring(0, indicator.nameZh().length() - 1));
            }
            phrases.stream().map(IndicatorMatcher::literal).filter(p -> p.length() >= MIN_PHRASE).distinct()
                    .forEach(p -> byFirstChar.computeIfAbsent(p.charAt(0), c -> new ArrayList<>()).add(new Phrase(p, indicator)));
        }
        byFirstChar.values().forEach(list -> list.sort(Comparator.comparingInt((Phrase p) -> p.text().length()).reversed()));
    }

    /**
     * The indicator {@code number}, of {@code kind}, is about, or null. Phrases are tried nearest first: its own
     * clause before it, then after it (up to the next number), then the clause before. In the nearest place that names any indicator the
     * longest phrase whose unit fits wins; when none fits there, the number is about something the catalogue
     * keeps in another unit, and no farther phrase is tried.
     */
    public Indicator match(String text, NumberMention number, FactKind kind) {
        if (kind == FactKind.CHANGE || kind == FactKind.RANK || number.baseUnit().isEmpty()) {
            return null;
        }
        int clauseStart = Clauses.clauseStart(text, number.start());
        int clauseEnd = Clauses.clauseEnd(text, number.end());
        int previousStart = clauseStart > 0 && ",，".indexOf(text.charAt(clauseStart - 1)) >= 0
                ? Math.max(Clauses.clauseStart(text, clauseStart - 1), Clauses.sentenceStart(text, number.start()))
                : clauseStart;
        int followingEnd = number.numberEnd();
        while (followingEnd < clauseEnd && !Character.isDigit(text.charAt(followingEnd))) {
            followingEnd++;
        }
        List<int[]> places = List.of(new int[] {clauseStart, number.start()}, new int[] {number.numberEnd(), followingEnd},
                new int[] {previousStart, clauseStart});
        for (int[] place : places) {
            Match found = longest(text, place[0], place[1], number.baseUnit(), kind);
            if (found.named()) {
                return found.fitting();
            }
        }
        return null;
    }

    private record Match(boolean named, Indicator fitting) {
    }

    private Match longest(String text, int from, int to, String baseUnit, FactKind kind) {
        boolean named = false;
        Indicator best = null;
        int bestLength = 0;
        for (int i = from; i < to; i++) {
            List<Phrase> candidates = byFirstChar.get(text.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Phrase phrase : candidates) {
                if (i + phrase.text().length() > to || !text.startsWith(phrase.text(), i)) {
                    continue;
                }
                named = true;
                // a later phrase of equal length is nearer to a number that follows it
                if (fits(phrase.indicator(), baseUnit, kind) && phrase.text().length() >= bestLength) {
                    bestLength = phrase.text().length();
                    best = phrase.indicator();
                }
            }
        }
        return new Match(named, best);
    }

    private static boolean fits(Indicator indicator, String baseUnit, FactKind kind) {
        boolean rate = "%".equals(indicator.unit());
        if (kind == FactKind.SHARE || "%".equals(baseUnit)) {
            return rate && "%".equals(baseUnit);
        }
        return Units.compatible(baseUnit, indicator.unit());
    }

    private static String literal(String synonym) {
        String longest = "";
        for (String part : synonym.split("[Xx]")) {
            if (part.length() > longest.length()) {
                longest = part;
            }
        }
        StringBuilder folded = new StringBuilder(longest.length());
        longest.strip().chars().forEach(c -> folded.append(Normaliser.fold((char) c)));
        return folded.toString();
    }
}
