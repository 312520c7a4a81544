package org.reportplatform.contracts.region;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reportplatform.contracts.period.PeriodCode;

/**
 * The region hierarchy (province → city → county level) today and as it was in every year since 1981. Today's
 * regions come from {@code reference/regions.csv} (GB/T 2260 codes derived from the npm package
 * {@code @vant/area-data} 2.1.0), the records of codes no longer in use as they were from
 * {@code reference/region-history.csv} (derived from the 民政部 code lists as collected by yescallop/areacodes); see
 * reference/README.md.
 *
 * <p>The methods without a period answer for today: current regions only. Those with a period answer for the year
 * the period ends in ({@link Validity#yearOf}): a unit reports an old period under the code in use then, and counts
 * under the city it then lay in.
 */
public final class RegionRegistry {

    private static final String CURRENT = "reference/regions.csv";
    private static final String HISTORY = "reference/region-history.csv";
    private static final Comparator<Region> BY_CODE = Comparator.comparing(Region::code);
    private static final Comparator<Region> OLDEST_FIRST = Comparator.comparing(
            (Region region) -> region.validity().from().orElse(Year.of(Year.MIN_VALUE)));

    private final Map<RegionCode, Region> current;
    /** Every record of each code, oldest first: the current one, if any, last. */
    private final Map<RegionCode, List<Region>> records;
    private final Map<RegionCode, List<Region>> children;
    private final Map<RegionCode, List<Region>> reportingUnits;
    /** The units within each region in a year, worked out once per year: figures ask for every event. */
    private final Map<Year, Map<RegionCode, List<Region>>> reportingUnitsByYear = new ConcurrentHashMap<>();
    /** The children of each region in a year, worked out once per year. */
    private final Map<Year, Map<RegionCode, List<Region>>> childrenByYear = new ConcurrentHashMap<>();

    /** @param all the current regions and the past records of codes, in any order */
    public RegionRegistry(List<Region> all) {
        Map<RegionCode, List<Region>> byCode = new LinkedHashMap<>();
        all.forEach(region -> byCode.computeIfAbsent(region.code(), code -> new ArrayList<>()).add(region));
        byCode.values().forEach(RegionRegistry::requireOneAtATime);
        byCode.replaceAll((code, versions) -> versions.stream().sorted(OLDEST_FIRST).toList());
        this.records = Collections.unmodifiableMap(byCode);
        for (Region region : all) {
            region.parent().filter(Predicate.not(byCode::containsKey)).ifPresent(parent -> {
                throw new IllegalArgumentException("region " + region.code() + " names unknown parent " + parent);
            });
            region.successors().stream().filter(Predicate.not(byCode::containsKey)).findFirst().ifPresent(successor -> {
                throw new IllegalArgumentException("region " + region.code() + " names unknown successor " + successor);
            });
        }

        Map<RegionCode, Region> today = new LinkedHashMap<>();
        all.stream().filter(Region::isCurrent).forEach(region -> today.put(region.code(), region));
        Map<RegionCode, List<Region>> byParent = new LinkedHashMap<>();
        for (Region region : today.values()) {
            region.parent().ifPresent(parent -> {
                if (!today.containsKey(parent)) {
                    throw new IllegalArgumentException("region " + region.code() + " names parent " + parent + ", no longer in use");
                }
                byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(region);
            });
        }
        this.current = Collections.unmodifiableMap(today);
        this.children = byParent;
        this.reportingUnits = unitsWithin(today.values().stream().filter(Region::isReportingUnit).toList(),
                unit -> unit.parent().map(today::get));
    }

    private static void requireOneAtATime(List<Region> versions) {
        for (int i = 0; i < versions.size(); i++) {
            for (int j = i + 1; j < versions.size(); j++) {
                if (versions.get(i).validity().overlaps(versions.get(j).validity())) {
                    throw new IllegalArgumentException("region " + versions.get(i).code() + " is listed twice in the same years: "
                            + versions.get(i).name() + " " + versions.get(i).validity() + " and "
                            + versions.get(j).name() + " " + versions.get(j).validity());
                }
            }
        }
    }

    /** Each region's units, itself included, by code: every unit counts under its parent, its parent's parent… */
    private static Map<RegionCode, List<Region>> unitsWithin(List<Region> units, Function<Region, Optional<Region>> parentOf) {
        Map<RegionCode, List<Region>> within = new LinkedHashMap<>();
        units.stream().sorted(BY_CODE).forEach(unit -> {
            for (Optional<Region> r = Optional.of(unit); r.isPresent(); r = r.flatMap(parentOf)) {
                within.computeIfAbsent(r.get().code(), code -> new ArrayList<>()).add(unit);
            }
        });
        within.replaceAll((code, list) -> List.copyOf(list));
        return within;
    }

    public static RegionRegistry load() {
        List<Region> all = new ArrayList<>(read(CURRENT));
        all.addAll(read(HISTORY));
        return new RegionRegistry(all);
    }

    private static List<Region> read(String resource) {
        try (InputStream in = RegionRegistry.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            MappingIterator<Row> rows = new CsvMapper().readerFor(Row.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(in);
            List<Region> regions = new ArrayList<>();
            rows.forEachRemaining(row -> regions.add(row.toRegion()));
            return regions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The region in use under this code today, else the last one that was: an old code is still known by its name. */
    public Optional<Region> find(RegionCode code) {
        List<Region> versions = records.getOrDefault(code, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The region the code stood for in the period (360111 is 郊区 in 2001, 青山湖区 from 2002); empty when not in use then. */
    public Optional<Region> find(RegionCode code, PeriodCode period) {
        return in(code, Validity.yearOf(period));
    }

    private Optional<Region> in(RegionCode code, Year year) {
        return records.getOrDefault(code, List.of()).stream().filter(region -> region.validity().contains(year)).findFirst();
    }

    /** True when the code was in use in the year the period ends in: 360721 赣县 in 2015, not in 2016. */
    public boolean isValidIn(RegionCode code, PeriodCode period) {
        return find(code, period).isPresent();
    }

    /** The regions in use today directly below this one. */
    public List<Region> children(RegionCode code) {
        return children.getOrDefault(code, List.of());
    }

    /**
     * The regions in use in the period directly below this one as it was then, by code: 赣州市's units of 2015 hold
     * 赣县 360721. Empty when the region was not in use then.
     */
    public List<Region> children(RegionCode code, PeriodCode period) {
        Year year = Validity.yearOf(period);
        return childrenByYear.computeIfAbsent(year, this::childrenIn).getOrDefault(code, List.of());
    }

    /** Every region's children in use in the year, by code: worked out once per year, as the units are. */
    private Map<RegionCode, List<Region>> childrenIn(Year year) {
        Map<RegionCode, List<Region>> byParent = new LinkedHashMap<>();
        records.values().stream().flatMap(List::stream)
                .filter(region -> region.validity().contains(year))
                .sorted(BY_CODE)
                .forEach(region -> region.parent().filter(parent -> in(parent, year).isPresent())
                        .ifPresent(parent -> byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(region)));
        byParent.replaceAll((parent, list) -> List.copyOf(list));
        return byParent;
    }

    /** The parent a figure of this region rolls up into; for an old code, the region it lay in when last in use. Empty for a province. */
    public Optional<RegionCode> parentOf(RegionCode code) {
        return find(code).flatMap(Region::parent);
    }

    /** The region that continues this code when last in use (360721 → 360704); empty while in use or when it was split up. */
    public Optional<RegionCode> successorOf(RegionCode code) {
        return find(code).flatMap(Region::successor);
    }

    /**
     * True when {@code later} continues, through one or more successors, a region once listed under {@code earlier}:
     * 362121 赣县 (until 1997) → 360721 赣县 → 360704 赣县区. What lets a unit report the periods of the code it
     * took over. A code renamed in place continues itself.
     */
    public boolean isPredecessorOf(RegionCode earlier, RegionCode later) {
        List<Region> ended = records.getOrDefault(earlier, List.of()).stream().filter(Predicate.not(Region::isCurrent)).toList();
        for (Region region : ended) {
            for (Optional<Region> next = continuation(region); next.isPresent(); next = next.flatMap(this::continuation)) {
                if (next.get().code().equals(later)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The successor's record in use in the year after this one ended. */
    private Optional<Region> continuation(Region region) {
        return region.successor().flatMap(code -> region.validity().to().flatMap(last -> in(code, last.plusYears(1))));
    }

    /** The reporting units (county-level regions) in use today within this region, itself included, by code. */
    public List<Region> reportingUnitsUnder(RegionCode code) {
        return reportingUnits.getOrDefault(code, List.of());
    }

    /**
     * The reporting units in use in the period within this region as it was then, itself included, by code: for 2015,
     * 赣州市 360700 holds 赣县 360721; for 2016, 赣县区 360704. Empty when the region was not in use then.
     */
    public List<Region> reportingUnitsUnder(RegionCode code, PeriodCode period) {
        Year year = Validity.yearOf(period);
        return reportingUnitsByYear.computeIfAbsent(year, this::reportingUnitsIn).getOrDefault(code, List.of());
    }

    private Map<RegionCode, List<Region>> reportingUnitsIn(Year year) {
        List<Region> units = records.values().stream().flatMap(List::stream)
                .filter(region -> region.isReportingUnit() && region.validity().contains(year))
                .toList();
        return unitsWithin(units, unit -> unit.parent().flatMap(parent -> in(parent, year)));
    }

    /** How many reporting units in use today lie within this region, itself included. */
    public int reportingUnitsWithin(RegionCode code) {
        return reportingUnitsUnder(code).size();
    }

    /** True when {@code code} is {@code ancestor} or lies below it (for an old code: lay, when last in use). */
    public boolean isWithin(RegionCode code, RegionCode ancestor) {
        for (Optional<RegionCode> r = Optional.of(code); r.isPresent(); r = r.flatMap(this::parentOf)) {
            if (r.get().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** How many regions are in use today. */
    public int size() {
        return current.size();
    }

    /** Every record of every code, today's and past ones, by code and then oldest first. */
    public List<Region> allRecords() {
        return records.values().stream().flatMap(List::stream).sorted(BY_CODE.thenComparing(OLDEST_FIRST)).toList();
    }

    /**
     * One line of regions.csv or region-history.csv, as written: years of use inclusive, empty when open;
     * {@code validTo}, {@code successors} and {@code successor} only in the history.
     */
    record Row(String code, String name, String level, String parent, String kind, String validFrom, String validTo,
               String successors, String successor) {
        Region toRegion() {
            return new Region(RegionCode.of(code), name, RegionLevel.valueOf(level), RegionKind.valueOf(kind),
                    optional(parent).map(RegionCode::of), new Validity(optional(validFrom).map(Year::parse), optional(validTo).map(Year::parse)),
                    optional(successors).stream().flatMap(list -> Arrays.stream(list.split(";"))).map(RegionCode::of).toList(),
                    optional(successor).map(RegionCode::of));
        }

        private static Optional<String> optional(String text) {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
        }
    }
}
