package org.reportplatform.intake.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Indicator;

/**
 * Reads a narrative report: normalise → segment → find numbers → classify → map to the catalogue (a number after
 * 分别 is about its item of the list before). Stateless
 * and thread-safe once built; every offset it returns points into the text it was given.
 */
public final class ExtractionPipeline {

    private static final double BASE_CONFIDENCE = 0.9;
    private static final double CHINESE_NUMERAL_PENALTY = 0.1;
    private static final double UNCLEAR_PENALTY = 0.2;
    private static final double DAMAGED_CONFIDENCE = 0.3;
    private static final int DAMAGE_REACH = 3;
    private static final String DAMAGE = "?\uFFFD„‟";

    private final Normaliser normaliser = new Normaliser();
    private final ReportSegmenter segmenter = new ReportSegmenter();
    private final NumberFinder finder = new NumberFinder();
    private final FactClassifier classifier = new FactClassifier();
    private final PartsCheck partsCheck = new PartsCheck();
    private final RespectiveLists respectiveLists = new RespectiveLists();
    private final IndicatorMatcher matcher;

    public ExtractionPipeline(Catalogue catalogue) {
        this.matcher = new IndicatorMatcher(catalogue);
    }

    public ExtractionResult extract(String original) {
        NormalisedText normalised = normaliser.normalise(original);
        String text = normalised.text();
        List<ReportSegment> segments = segmenter.segment(text);
        List<NumberMention> numbers = finder.find(text);
        Map<Integer, String> respectiveItems = respectiveLists.items(text, numbers);
        List<Fact> facts = new ArrayList<>();
        List<Redaction> redactions = new ArrayList<>();
        List<ExtractionWarning> warnings = new ArrayList<>();
        int current = 0;
        for (NumberMention number : numbers) {
            while (current + 1 < segments.size() && segments.get(current + 1).start() <= number.start()) {
                current++;
            }
            ReportSegment segment = segments.get(current);
            Heading heading = segment.sections().at(number.start());
            String section = heading == null ? "" : heading.path();
            Classification what = classifier.classify(text, number, segment.sections().titlesAt(number.start()));
            String item = respectiveItems.get(number.start());
            Indicator indicator;
            if (item == null) {
                indicator = matcher.match(text, number, what.kind());
            } else {
                what = what.about(item);
                indicator = matcher.match(item, number.baseUnit(), what.kind());
            }
            String code = indicator == null ? null : indicator.code().value();
            int clauseStart = normalised.originalStart(Clauses.clauseStart(text, number.start()));
            int clauseEnd = normalised.originalEnd(Clauses.clauseEnd(text, number.end()));
            String quoted = original.substring(clauseStart, clauseEnd);
            if (number.withheld()) {
                redactions.add(new Redaction(quoted, clauseStart, clauseEnd, number.placeholder(), number.unit(), what.kind(),
                        what.subject(), code, segment.label(), section));
                continue;
            }
            int numberStart = normalised.originalStart(number.start());
            int numberEnd = normalised.originalEnd(number.end());
            boolean damaged = damaged(original, numberStart, numberEnd);
            if (damaged) {
                warnings.add(new ExtractionWarning("encoding-damage",
                        "characters next to this value were lost in encoding; check it against the source", numberStart, numberEnd));
            }
            facts.add(new Fact(quoted, clauseStart, clauseEnd, numberStart, numberEnd, number.value(), number.valueTo(),
                    number.unit(), number.normalisedValue(), number.baseUnit(), number.qualifier(), what.kind(), what.subject(),
                    code, what.period(), confidence(number, what, damaged), segment.label(), section));
        }
        warnings.addAll(partsCheck.check(normalised, numbers));
        List<ReportOutline> reports = segments.stream().map(s -> s.outline(normalised)).toList();
        return new ExtractionResult(reports, facts, redactions, warnings);
    }

    private static boolean damaged(String original, int start, int end) {
        for (int i = Math.max(0, start - DAMAGE_REACH); i < Math.min(original.length(), end + DAMAGE_REACH); i++) {
            if (DAMAGE.indexOf(original.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static double confidence(NumberMention number, Classification what, boolean damaged) {
        if (damaged) {
            return DAMAGED_CONFIDENCE;
        }
        double confidence = BASE_CONFIDENCE;
        if (number.chineseNumeral()) {
            confidence -= CHINESE_NUMERAL_PENALTY;
        }
        if (number.unit().isEmpty() || what.subject().length() < 2) {
            confidence -= UNCLEAR_PENALTY;
        }
        return Math.round(confidence * 100) / 100.0;
    }
}
