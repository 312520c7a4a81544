package org.reportplatform.contracts;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * The regions and the indicator catalogue as beans of every service, read once per process at start-up: broken
 * reference data stops a service before it accepts or serves anything.
 */
@ApplicationScoped
public class ReferenceDataProducer {

    @Produces
    @Singleton
    @Startup
    RegionRegistry regions() {
        return RegionRegistry.load();
    }

    @Produces
    @Singleton
    @Startup
    Catalogue catalogue() {
        return Catalogue.load();
    }

    @Produces
    @Singleton
    FormAssignments formAssignments(Catalogue catalogue, RegionRegistry regions) {
        return new FormAssignments(catalogue, regions);
    }
}
