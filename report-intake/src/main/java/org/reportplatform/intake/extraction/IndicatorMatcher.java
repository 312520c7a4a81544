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
    private static final int MIN_STEMMED_NAME = 5;

    private record Phrase(String text, Indicator indicator) {
    }

    /** Phrases by their first character: a window is scanned once, whatever the catalogue's size. */
    private final Map<Character, List<Phrase>> byFirstChar = new HashMap<>();

    public IndicatorMatcher(Catalogue catalogue) {
        for (Indicator indicator : catalogue.indicators()) {
            List<String> phrases = new ArrayList<>(indicator.synonyms());
            phrases.add(indicator.nameZh());
            // 幼儿园数 → 幼儿园 would name every kindergarten mentioned; a longer name stays specific without 数
            if (indicator.nameZh().endsWith("数") && indicator.nameZh().length() > MIN_STEMMED_NAME) {
                phrases.add(indicator.nameZh().substring(0, indicator.nameZh().length() - 1));
            }
            phrases.stream().map(IndicatorMatcher::literal).filter(p -> p.length() >= MIN_PHRASE).distinct()
                    .forEach(p -> byFirstChar.computeIfAbsent(p.charAt(0), c -> new ArrayList<>()).add(new Phrase(p, indicator)));
        }
        byFirstChar.values().forEach(list -> list.sort(Comparator.comparingInt((Phrase p) -> p.text().length()).reversed()));
    }

    /**
     * The indicator {@code number}, of {@code kind}, is about, or null. Phrases are tried nearest first: the item
     * right before it (up to a comma or 、, brackets included), what follows it up to the next item, the rest of its clause, the
     * clause before. In
     * the nearest place that names any indicator the longest phrase whose unit fits wins (the nearer one of equal
     * length); when none fits there, the number is about something the catalogue keeps in another unit, and no
     * farther phrase is tried. Beyond its own phrase a name does not reach across another number: in
     * 招聘新任教师78名、幼儿教师10名 the 10 are not new recruits.
     */
    public Indicator match(String text, NumberMention number, FactKind kind) {
        if (kind == FactKind.CHANGE || kind == FactKind.RANK || number.baseUnit().isEmpty()) {
            return null;
        }
        int phraseStart = Clauses.itemStart(text, number.start());
        int clauseStart = Math.min(phraseStart, Clauses.clauseStart(text, number.start()));
        int previousStart = clauseStart > 0 && ",，".indexOf(text.charAt(clauseStart - 1)) >= 0
                ? Math.max(Clauses.clauseStart(text, clauseStart - 1), Clauses.sentenceStart(text, number.start()))
                : clauseStart;
        // what follows a number may run through brackets (215所中小学(园)安装了一键报警系统), not into the next item
        int followingEnd = number.numberEnd();
        int clauseEnd = Clauses.clauseEnd(text, number.end());
        while (followingEnd < clauseEnd && !Character.isDigit(text.charAt(followingEnd)) && text.charAt(followingEnd) != '、') {
            followingEnd++;
        }
        int afterLastNumber = afterLastDigit(text, previousStart, phraseStart);
        List<Place> places = List.of(
                new Place(phraseStart, number.start(), true),
                new Place(number.numberEnd(), followingEnd, false),
                new Place(Math.max(clauseStart, afterLastNumber), phraseStart, true),
                new Place(Math.max(previousStart, afterLastNumber), clauseStart, true));
        for (Place place : places) {
            Match found = longest(text, place, number.baseUnit(), kind);
            if (found.named()) {
                return found.fitting();
            }
        }
        return null;
    }

    /** The indicator a phrase standing for a number names (an item of a 分别 list), or null. */
    public Indicator match(String phrase, String baseUnit, FactKind kind) {
        if (kind == FactKind.CHANGE || kind == FactKind.RANK || baseUnit.isEmpty()) {
            return null;
        }
        return longest(phrase, new Place(0, phrase.length(), true), baseUnit, kind).fitting();
    }

    /** Where to look for a name; {@code laterIsNearer} for the places before the number. */
    private record Place(int from, int to, boolean laterIsNearer) {
    }

    private record Match(boolean named, Indicator fitting) {
    }

    private static int afterLastDigit(String text, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (Character.isDigit(text.charAt(i))) {
                return i + 1;
            }
        }
        return from;
    }

    private Match longest(String text, Place place, String baseUnit, FactKind kind) {
        boolean named = false;
        Indicator best = null;
        int bestLength = 0;
        for (int i = place.from(); i < place.to(); i++) {
            List<Phrase> candidates = byFirstChar.get(text.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Phrase phrase : candidates) {
                int length = phrase.text().length();
                if (i + length > place.to() || !text.startsWith(phrase.text(), i)) {
                    continue;
                }
                named = true;
                boolean better = place.laterIsNearer() ? length >= bestLength : length > bestLength;
                if (fits(phrase.indicator(), baseUnit, kind) && better) {
                    bestLength = length;
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
