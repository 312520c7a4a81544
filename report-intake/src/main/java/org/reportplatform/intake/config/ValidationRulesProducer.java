package org.reportplatform.intake.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.rules.ValidationRules;

/**
 * The contracts' validation rules as a bean, read and checked against the catalogue once at start-up: a rules file
 * that names an unknown indicator stops the service before it accepts anything.
 */
@ApplicationScoped
public class ValidationRulesProducer {

    @Produces
    @Singleton
    @Startup
    ValidationRules rules(Catalogue catalogue) {
        return ValidationRules.load(catalogue);
    }
}
