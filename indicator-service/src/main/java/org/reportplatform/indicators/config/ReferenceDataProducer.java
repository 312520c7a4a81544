package org.reportplatform.indicators.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.region.RegionRegistry;

/** The reference data the topology needs, loaded once per process, and the clock that stamps aggregates. */
@ApplicationScoped
public class ReferenceDataProducer {

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

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
