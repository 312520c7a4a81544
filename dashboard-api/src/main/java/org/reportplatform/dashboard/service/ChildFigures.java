package org.reportplatform.dashboard.service;

import java.util.List;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/** A region's figure and those of every region directly below it, in rank order. */
public record ChildFigures(
        IndicatorCode indicator,
        RegionCode region,
        PeriodCode period,
        Basis status,
        RegionFigure parent,
        List<ChildFigure> children) {
}
