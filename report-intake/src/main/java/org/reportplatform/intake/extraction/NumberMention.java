package org.reportplatform.intake.extraction;

import java.math.BigDecimal;

/**
 * A number as written, found in the normalised text: its value and unit, or a placeholder where the number was
 * withheld (X, XX, **, ____). Offsets are normalised ones; {@code start..end} covers qualifiers and unit.
 *
 * @param value          the number as written (1.84 for 1.84亿元); null for a placeholder
 * @param valueTo        the upper end of a range (10-15人), else null
 * @param normalisedValue value times its magnitude, in {@code baseUnit}
 * @param rank           written as 第N after 列/位列/排名…
 * @param placeholder    the characters standing for a withheld number, else null
 * @param chineseNumeral written in Chinese numerals (三十二), which are read with less confidence
 */
public record NumberMention(int start, int end, int numberStart, int numberEnd, BigDecimal value, BigDecimal valueTo,
                            String unit, BigDecimal normalisedValue, String baseUnit, Qualifier qualifier, boolean rank,
                            String placeholder, boolean chineseNumeral) {

    public boolean withheld() {
        return placeholder != null;
    }
}
