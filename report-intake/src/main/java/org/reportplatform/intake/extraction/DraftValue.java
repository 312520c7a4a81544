package org.reportplatform.intake.extraction;

import java.math.BigDecimal;
import java.util.List;

/**
 * One value of a draft submission, in the shape {@code POST /api/v1/submissions} reads ({@code indicator},
 * {@code value}, {@code status}) plus where it was read and the other facts that named the same indicator.
 *
 * @param value  in the indicator's catalogue unit (16009万元 stays 16009 for an indicator kept in 万元, becomes
 *               160090000 for one kept in 元); null when withheld
 * @param status {@code reported}, or {@code redacted} for a placeholder
 */
public record DraftValue(String indicator, BigDecimal value, String status, FactSource source, List<FactSource> alternatives) {
}
