package org.reportplatform.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.problem.ProblemException;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/** Looks up what a request names, answering 404 for what the catalogue or the registry does not know. */
@ApplicationScoped
public class ReferenceData {

    private final Catalogue catalogue;
    private final RegionRegistry regions;

    ReferenceData(Catalogue catalogue, RegionRegistry regions) {
        this.catalogue = catalogue;
        this.regions = regions;
    }

    /** A code of the wrong form cannot be in the catalogue either: also 404, since it is a path segment. */
    public Indicator indicator(String code) {
        try {
            return catalogue.indicator(IndicatorCode.of(code)).orElseThrow(() -> unknownIndicator(code));
        } catch (IllegalArgumentException malformed) {
            throw unknownIndicator(code);
        }
    }

    public Dataset dataset(DatasetCode code) {
        return catalogue.dataset(code).orElseThrow(() -> ProblemException.notFound("unknown dataset " + code, "未知报表 " + code));
    }

    public Region region(RegionCode code) {
        return regions.find(code).orElseThrow(() -> ProblemException.notFound("unknown region " + code, "未知地区 " + code));
    }

    private static ProblemException unknownIndicator(String code) {
        return ProblemException.notFound("unknown indicator " + code, "未知指标 " + code);
    }
}
