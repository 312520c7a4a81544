package org.reportplatform.intake.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags breakdowns that do not add up, without fixing them: a total followed by its parts in brackets
 * ({@code 329所学校(小学105所、初中36所…)}) must equal their sum; parts after 其中 must not exceed it.
 */
final class PartsCheck {

    private static final int REACH = 4;

    List<ExtractionWarning> check(NormalisedText normalised, List<NumberMention> numbers) {
        String text = normalised.text();
        List<ExtractionWarning> warnings = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            NumberMention total = numbers.get(i);
            if (total.withheld() || total.rank() || total.baseUnit().isEmpty()) {
                continue;
            }
            String after = text.substring(total.end(), Math.min(text.length(), total.end() + REACH + 2));
            int bracket = after.indexOf('(');
            boolean bracketed = bracket >= 0 && bracket <= REACH && !after.substring(0, bracket).contains("，");
            boolean whereof = after.contains("其中");
            if (!bracketed && !whereof) {
                continue;
            }
            int limit = bracketed ? closing(text, total.end() + bracket) : Clauses.sentenceEnd(text, total.end());
            BigDecimal sum = BigDecimal.ZERO;
            int parts = 0;
            for (int j = i + 1; j < numbers.size() && numbers.get(j).start() < limit; j++) {
                NumberMention part = numbers.get(j);
                if (part.withheld() || !part.baseUnit().equals(total.baseUnit())) {
                    parts = -1;
                    break;
                }
                sum = sum.add(part.normalisedValue());
                parts++;
            }
            boolean wrong = bracketed ? parts >= 2 && sum.compareTo(total.normalisedValue()) != 0
                    : parts >= 1 && sum.compareTo(total.normalisedValue()) > 0;
            if (wrong) {
                warnings.add(new ExtractionWarning("parts-do-not-add-up",
                        "the parts add up to " + sum.toPlainString() + total.baseUnit() + ", the total says "
                                + total.normalisedValue().toPlainString() + total.baseUnit(),
                        normalised.originalStart(total.start()), normalised.originalEnd(limit)));
            }
        }
        return warnings;
    }

    private static int closing(String text, int open) {
        int sentenceEnd = Clauses.sentenceEnd(text, open);
        int close = text.substring(open, sentenceEnd).indexOf(')');
        return close < 0 ? sentenceEnd : open + close;
    }
}
