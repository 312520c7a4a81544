package org.reportplatform.intake.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.reportplatform.intake.extraction.ExtractionWarning;
import org.reportplatform.intake.extraction.Fact;
import org.reportplatform.intake.extraction.Redaction;
import org.reportplatform.intake.extraction.ReportOutline;
import org.reportplatform.intake.service.ExtractionService;

/** The answer of {@code POST /api/v1/extractions}: the id to make drafts with, and what was read. */
public record ExtractionView(UUID id, Instant receivedAt, List<ReportOutline> reports, List<Fact> facts,
                             List<Redaction> redactions, List<ExtractionWarning> warnings) {

    static ExtractionView of(ExtractionService.Stored stored) {
        return new ExtractionView(stored.extraction().id, stored.extraction().receivedAt, stored.result().reports(),
                stored.result().facts(), stored.result().redactions(), stored.result().warnings());
    }
}
