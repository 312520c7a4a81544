package org.reportplatform.intake.extraction;

import java.util.List;

/** What the reader found in one posted text. */
public record ExtractionResult(List<ReportOutline> reports, List<Fact> facts, List<Redaction> redactions,
                               List<ExtractionWarning> warnings) {
}
