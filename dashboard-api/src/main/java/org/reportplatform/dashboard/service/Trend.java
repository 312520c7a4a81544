package org.reportplatform.dashboard.service;

import java.util.List;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.region.RegionCode;

/**
 * A region's figure over consecutive periods of one type, oldest first; a period without a figure is listed with
 * value null, so that a chart shows the gap.
 */
public record Trend(
        IndicatorCode indicator,
        RegionCode region,
        String regionName,
        String unit,
        Basis status,
        List<RegionFigure> figures) {
}
