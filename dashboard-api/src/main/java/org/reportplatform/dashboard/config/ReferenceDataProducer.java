package org.reportplatform.dashboard.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.region.RegionRegistry;

/** The reference data of the contracts module, read once; @Startup so that broken data stops the start, not a request. */
public class ReferenceDataProducer {

    @Produces
    @Singleton
    @Startup
    RegionRegistry regionRegistry() {
        return RegionRegistry.load();
    }

    @Produces
    @Singleton
    @Startup
    Catalogue catalogue() {
        return Catalogue.load();
    }
}
