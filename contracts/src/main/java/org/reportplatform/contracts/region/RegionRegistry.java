package org.reportplatform.contracts.region;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region hierarchy (province → city → county level), loaded from {@code reference/regions.csv}:
 * GB/T 2260 codes derived from the npm package {@code @vant/area-data} 2.1.0 (see reference/README.md).
 */
public final class RegionRegistry {

    private static final String RESOURCE = "reference/regions.csv";

    private final Map<RegionCode, Region> regions;
    private final Map<RegionCode, List<Region>> children;
    private final Map<RegionCode, List<Region>> reportingUnits;

    public RegionRegistry(List<Region> all) {
        Map<RegionCode, Region> byCode = new LinkedHashMap<>();
        all.forEach(region -> {
            if (byCode.put(region.code(), region) != null) {
                throw new IllegalArgumentException("region listed twice: " + region.code());
            }
        });
        Map<RegionCode, List<Region>> byParent = new LinkedHashMap<>();
        for (Region region : all) {
            region.parent().ifPresent(parent -> {
                if (!byCode.containsKey(parent)) {
                    throw new IllegalArgumentException("region " + region.code() + " names unknown parent " + parent);
                }
                byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(region);
            });
        }
        this.regions = Collections.unmodifiableMap(byCode);
        this.children = byParent;
        Map<RegionCode, List<Region>> unitsWithin = new LinkedHashMap<>();
        all.stream().filter(Region::isReportingUnit).sorted(Comparator.comparing(Region::code)).forEach(unit -> {
            for (Region r = unit; r != null; r = r.parent().map(byCode::get).orElse(null)) {
                unitsWithin.computeIfAbsent(r.code(), code -> new ArrayList<>()).add(unit);
            }
        });
        unitsWithin.replaceAll((code, units) -> List.copyOf(units));
        this.reportingUnits = unitsWithin;
    }

    public static RegionRegistry load() {
        try (InputStream in = RegionRegistry.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            CsvMapper mapper = new CsvMapper();
            MappingIterator<Row> rows = mapper.readerFor(Row.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(in);
            List<Region> all = new ArrayList<>();
            rows.forEachRemaining(row -> all.add(row.toRegion()));
            return new RegionRegistry(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public Optional<Region> find(RegionCode code) {
        return Optional.ofNullable(regions.get(code));
    }

    public List<Region> children(RegionCode code) {
        return children.getOrDefault(code, List.of());
    }

    /** The parent a figure of this region rolls up into; empty for a province. */
    public Optional<RegionCode> parentOf(RegionCode code) {
        return find(code).flatMap(Region::parent);
    }

    /** The reporting units (county-level regions) within this region, itself included, by code. */
    public List<Region> reportingUnitsUnder(RegionCode code) {
        return reportingUnits.getOrDefault(code, List.of());
    }

    /** How many reporting units lie within this region, itself included. */
    public int reportingUnitsWithin(RegionCode code) {
        return reportingUnitsUnder(code).size();
    }

    /** True when {@code code} is {@code ancestor} or lies below it. */
    public boolean isWithin(RegionCode code, RegionCode ancestor) {
        for (Optional<RegionCode> current = Optional.of(code); current.isPresent(); current = current.flatMap(this::parentOf)) {
            if (current.get().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return regions.size();
    }

    /** One line of regions.csv, as written. */
    record Row(String code, String name, String level, String parent, String kind) {
        Region toRegion() {
            Optional<RegionCode> parentCode = parent == null || parent.isBlank() ? Optional.empty() : Optional.of(RegionCode.of(parent));
            return new Region(RegionCode.of(code), name, RegionLevel.valueOf(level), RegionKind.valueOf(kind), parentCode);
        }
    }
}
