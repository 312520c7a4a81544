package org.reportplatform.intake.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.intake.extraction.ExtractionPipeline;

/** One reading pipeline per process: it indexes the catalogue's phrases once and is stateless afterwards. */
@ApplicationScoped
public class ExtractionPipelineProducer {

    @Produces
    @Singleton
    ExtractionPipeline pipeline(Catalogue catalogue) {
        return new ExtractionPipeline(catalogue);
    }
}
