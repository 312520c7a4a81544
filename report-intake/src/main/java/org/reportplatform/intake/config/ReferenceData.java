package org.reportplatform.intake.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.region.RegionRegistry;

/** The regions and the indicator catalogue, read from the contracts jar once per process. */
public class ReferenceData {

    @Produces
    @Singleton
    RegionRegistry regions() {
        return RegionRegistry.load();
    }

    @Produces
    @Singleton
    Catalogue catalogue() {
        return Catalogue.load();
    }
}
