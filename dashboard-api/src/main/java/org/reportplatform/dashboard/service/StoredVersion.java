package org.reportplatform.dashboard.service;

import java.time.Instant;
import java.util.Set;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * One stored version of a unit's form for a period, as completeness needs it.
 *
 * @param submittedAt   when the unit sent it: the original report date for backfilled history
 * @param statedActuals the indicators it states as actual figures, reported or withheld as redacted
 */
record StoredVersion(RegionCode region, PeriodCode period, int version, Instant submittedAt, ReviewStatus reviewStatus,
                     boolean held, Set<IndicatorCode> statedActuals) {
}
