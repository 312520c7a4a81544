package org.reportplatform.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.problem.FieldError;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.intake.domain.Extraction;
import org.reportplatform.intake.extraction.Draft;
import org.reportplatform.intake.extraction.DraftBuilder;
import org.reportplatform.intake.extraction.ExtractionPipeline;
import org.reportplatform.intake.extraction.ExtractionResult;

/**
 * Reads narrative reports and keeps what was read, so that a draft submission can be made of it later; a draft
 * is only proposed, never stored or published: the person sends it through the normal submission path.
 */
@ApplicationScoped
public class ExtractionService {

    private final ExtractionPipeline pipeline;
    private final SubmissionValidator validator;
    private final Catalogue catalogue;
    private final DraftBuilder drafts;
    private final ObjectMapper json;

    ExtractionService(ExtractionPipeline pipeline, SubmissionValidator validator, Catalogue catalogue, ObjectMapper json) {
        this.pipeline = pipeline;
        this.validator = validator;
        this.catalogue = catalogue;
        this.drafts = new DraftBuilder(catalogue);
        this.json = json;
    }

    /** The stored extraction and what was read. */
    public record Stored(Extraction extraction, ExtractionResult result) {
    }

    @Transactional
    public Stored extract(String text) {
        ExtractionResult result = pipeline.extract(text);
        Extraction extraction = new Extraction();
        extraction.id = UUID.randomUUID();
        extraction.receivedAt = Instant.now();
        extraction.text = text;
        extraction.result = write(result);
        extraction.persist();
        return new Stored(extraction, result);
    }

    public Stored find(UUID id) {
        Extraction extraction = Extraction.<Extraction>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("no extraction has this id"));
        return new Stored(extraction, read(extraction.result));
    }

    /** The facts of an extraction that fill the form {@code dataset}; 422 naming each bad parameter. */
    public Draft draft(UUID id, String region, String dataset, String period) {
        Stored stored = find(id);
        List<FieldError> errors = validator.validateSeries(region, dataset, period);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("invalid-draft", "Invalid draft request", "草稿请求有误", errors);
        }
        Dataset form = catalogue.dataset(DatasetCode.of(dataset)).orElseThrow();
        return drafts.build(stored.result(), form, region, period, "extraction-" + id);
    }

    private String write(ExtractionResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an extraction result is always serialisable", e);
        }
    }

    private ExtractionResult read(String stored) {
        try {
            return json.readValue(stored, ExtractionResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored extraction result no longer reads", e);
        }
    }
}
