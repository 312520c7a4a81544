package org.reportplatform.intake.extraction;

import java.util.List;

/**
 * One report of a posted text (a collection labels them 篇一, 【篇一】, 篇1), with its section tree.
 *
 * @param level  who wrote it, as far as the text says: county, city, province or institution (a school,
 *               a kindergarten); null when it does not say
 * @param period the period code the report covers (2020) when its title or opening states it, else null
 */
public record ReportOutline(String label, String title, String level, String period, int start, int end, List<Section> sections) {
}
