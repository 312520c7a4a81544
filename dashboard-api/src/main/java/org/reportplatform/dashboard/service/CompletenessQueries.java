package org.reportplatform.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reportplatform.contracts.FormAssignments;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.domain.SubmissionReceiptRepository;
import org.reportplatform.dashboard.service.Completeness.LateUnit;
import org.reportplatform.dashboard.service.Completeness.Unit;

/** Who submitted a form, on time or late, and who has not: from the receipts of the units within a region. */
@ApplicationScoped
public class CompletenessQueries {

    private static final Comparator<Coverage> HIGHEST_RATE_FIRST = Comparator
            .comparing(Coverage::reportingRate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Coverage::region);

    private final SubmissionReceiptRepository receipts;
    private final ReferenceData reference;
    private final RegionRegistry regions;
    private final FormAssignments assignments;

    CompletenessQueries(SubmissionReceiptRepository receipts, ReferenceData reference, RegionRegistry regions,
                        FormAssignments assignments) {
        this.receipts = receipts;
        this.reference = reference;
        this.regions = regions;
        this.assignments = assignments;
    }

    /** {@code period} must be of the form's period type. */
    public Completeness completeness(Dataset form, PeriodCode period, RegionCode regionCode) {
        Region region = reference.region(regionCode);
        Deadline deadline = Deadline.of(form, period);
        List<Region> units = assignments.unitsExpectedToReport(form, region.code());
        Map<RegionCode, Instant> firstSubmissions = receipts
                .of(form.code().value(), period.value(), units.stream().map(unit -> unit.code().value()).toList()).stream()
                .collect(Collectors.toMap(receipt -> RegionCode.of(receipt.id.region()), receipt -> receipt.firstSubmittedAt));
        List<Coverage> children = regions.children(region.code()).stream()
                .map(child -> Coverage.of(child, assignments.unitsExpectedToReport(form, child.code()), firstSubmissions, deadline))
                .sorted(HIGHEST_RATE_FIRST)
                .toList();
        List<Unit> missing = units.stream()
                .filter(unit -> !firstSubmissions.containsKey(unit.code()))
                .map(unit -> new Unit(unit.code(), unit.name()))
                .toList();
        List<LateUnit> late = units.stream()
                .filter(unit -> firstSubmissions.containsKey(unit.code()))
                .map(unit -> lateUnit(unit, firstSubmissions.get(unit.code()), deadline))
                .filter(lateUnit -> lateUnit.daysLate() > 0)
                .sorted(Comparator.comparingLong(LateUnit::daysLate).reversed().thenComparing(LateUnit::code))
                .toList();
        return new Completeness(form.code(), period, Coverage.of(region, units, firstSubmissions, deadline),
                deadline.dueDate(), children, missing, late);
    }

    private static LateUnit lateUnit(Region unit, Instant firstSubmitted, Deadline deadline) {
        return new LateUnit(unit.code(), unit.name(), firstSubmitted, deadline.daysLate(firstSubmitted));
    }

    /** The reporting units within a region, the region itself if it is one, by code. */}
