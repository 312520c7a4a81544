package org.reportplatform.intake.extraction;

import java.math.BigDecimal;

/**
 * A numeric fact a report states. Offsets point into the original text: {@code start..end} is the clause quoted in
 * {@code text}, {@code numberStart..numberEnd} the number with its qualifier and unit.
 *
 * @param value           the number as written: 1.84 for 1.84亿元, 32 for 三十二名
 * @param valueTo         the upper end of a range (10-15人), else null
 * @param unit            as written, in Simplified Chinese, magnitude word kept (亿元, 万人, %); empty when none
 * @param normalizedValue value times its magnitude, in {@code baseUnit} (1.84亿元: 184000000 元)
 * @param indicator       the catalogue code the fact maps to, or null
 * @param period          the year the sentence states for it, or null
 * @param section         the path of headings it stands under, e.g. 一、/(一)/1.; empty before the first heading
 */
public record Fact(String text, int start, int end, int numberStart, int numberEnd, BigDecimal value, BigDecimal valueTo,
                   String unit, BigDecimal normalizedValue, String baseUnit, Qualifier qualifier, FactKind kind,
                   String subject, String indicator, String period, double confidence, String report, String section) {
}
