package org.reportplatform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.access.TokenIssuer;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * The soak run ({@code bin/platform soak}): every county-level unit of a province sends one form over and over,
 * each time a new version with new figures, at a steady rate for some minutes against the running platform. Then,
 * once intake's outbox is empty, every figure dashboard-api serves for the province and its cities, for every
 * indicator of the form, is compared with a recomputation written here from intake's database of record: the
 * version of each series that counts ({@code status = 'SUBMITTED'}) and its reported values. Prints what was sent,
 * accepted and counted, and the mismatches; exits 1 when there is any.
 */
public final class SoakRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MathContext PRECISION = new MathContext(10);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(5);
    private static final int SENDERS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> options;
    private final RegionCode province;
    private final Dataset dataset;
    private final PeriodCode period;
    private final Catalogue catalogue = Catalogue.load();
    private final RegionRegistry regions = RegionRegistry.load();
    private final TokenIssuer issuer;
    private final String analyst;
    private final String dashboard;

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

    private SoakRun(Map<String, String> options) throws Exception {
        this.options = options;
        this.province = RegionCode.of(options.getOrDefault("--province", "360000"));
        this.dataset = catalogue.dataset(DatasetCode.of(options.getOrDefault("--dataset", "edu_annual")))
                .orElseThrow(() -> new IllegalArgumentException("unknown --dataset"));
        this.period = PeriodCode.of(options.getOrDefault("--period", "2023"));
        if (!options.containsKey("--key")) {
            throw new IllegalArgumentException("--key <privateKey.pem> is required: the soak signs in as each county");
        }
        this.issuer = TokenIssuer.fromPem(Path.of(options.get("--key")));
        this.analyst = issuer.issue("soak analyst", province.value(), List.of(Role.ANALYST), TOKEN_LIFETIME);
        this.dashboard = options.getOrDefault("--dashboard", "http://127.0.0.1:8080");
    }

    public static void main(String[] args) throws Exception {
        SoakRun soak = new SoakRun(DemoSubmissions.options(args));
        soak.submitFor(Duration.ofMinutes(Long.parseLong(soak.options.getOrDefault("--minutes", "10"))),
                Double.parseDouble(soak.options.getOrDefault("--rate", "20")));
        soak.awaitOutboxEmpty();
        int mismatches = soak.compareUntilSettled();
        System.exit(mismatches == 0 ? 0 : 1);
    }

    /** {@code rate} submissions per second from {@link #SENDERS} threads, each unit in turn, for {@code duration}. */
    private void submitFor(Duration duration, double rate) throws InterruptedException {
        List<Region> units = regions.reportingUnitsUnder(province, period).stream().filter(dataset::isAssignedTo).toList();
        Map<RegionCode, String> reporters = new HashMap<>();
        units.forEach(unit -> reporters.put(unit.code(), issuer.issue("soak " + unit.code(), unit.code().value(), List.of(Role.REPORTER), TOKEN_LIFETIME)));
        DemoFigures figures = new DemoFigures(catalogue);
        URI submissions = URI.create(options.getOrDefault("--intake", "http://127.0.0.1:8081") + "/api/v1/submissions");
        String run = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("soak: %d units of %s send %s %s at %.0f/s for %s (run %s)%n",
                units.size(), province, dataset.code(), period, rate, duration, run);

        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.execute(() -> {
                long n;
                while ((n = next.getAndIncrement()) >= 0) {
                    long due = start + (long) (n * 1e9 / rate);
                    if (due >= end) {
                        return;
                    }
                    pauseUntil(due);
                    Region unit = units.get((int) (n % units.size()));
                    // the version salts the figures: every round brings each unit new values
                    int round = (int) (n / units.size()) + 1;
                    DemoSubmission body = figures.submission(unit.code(), dataset, period, round);
                    DemoSubmission keyed = new DemoSubmission("soak-" + run + "-" + n, body.region(), body.dataset(), body.period(), body.values());
                    send(submissions, keyed, reporters.get(unit.code()));
                    if (n % 1000 == 999) {
                        System.out.printf("soak: %d sent, %d accepted, %.0f s%n", sent.get(), accepted.get(), (System.nanoTime() - start) / 1e9);
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(duration.toMinutes() + 5, TimeUnit.MINUTES);
    }

    private void send(URI submissions, DemoSubmission submission, String token) {
        sent.incrementAndGet();
        try {
            HttpResponse<String> response = DemoSubmissions.send(http, submissions, JSON.writeValueAsString(submission), token);
            if (response.statusCode() == 202) {
                accepted.incrementAndGet();
                if ("NEEDS_EXPLANATION".equals(JSON.readTree(response.body()).path("status").asText())) {
                    held.incrementAndGet();
                }
            } else {
                refused.computeIfAbsent(response.statusCode() + " " + abbreviate(response.body()), reason -> new AtomicInteger()).incrementAndGet();
            }
        } catch (Exception e) {
            refused.computeIfAbsent("no answer: " + e.getClass().getSimpleName(), reason -> new AtomicInteger()).incrementAndGet();
        }
    }

    private void awaitOutboxEmpty() throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE_LIMIT);
        try (Connection db = database()) {
            long waiting;
            while ((waiting = count(db, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
            }
            System.out.printf("soak: intake's outbox holds %d unpublished event(s)%n", waiting);
        }
    }

    /** Compares until there is no mismatch or the settle limit is reached; prints the summary; the mismatches. */
    private int compareUntilSettled() throws Exception {
        Instant deadline = Instant.now().plus(SETTLE_LIMIT);
        Comparison comparison;
        do {
            comparison = compare();
            if (comparison.mismatches().isEmpty()) {
                break;
            }
            Thread.sleep(2000);
        } while (Instant.now().isBefore(deadline));
        comparison.mismatches().stream().limit(20).forEach(mismatch -> System.out.println("soak: MISMATCH " + mismatch));
        System.out.printf("soak: sent %d, accepted %d (held for explanation %d), refused %d %s%n",
                sent.get(), accepted.get(), held.get(), refused.values().stream().mapToInt(AtomicInteger::get).sum(), refused);
        System.out.printf("soak: counted %d (the versions that count, one per unit, all named by the province figures' lineage); "
                        + "%d figures of %d regions compared with the database of record; mismatches %d%n",
                comparison.counted(), comparison.figures(), comparison.regions(), comparison.mismatches().size());
        return comparison.mismatches().size();
    }

    private record Comparison(int counted, int figures, int regions, List<String> mismatches) {
    }

    private Comparison compare() throws Exception {
        Map<String, Map<IndicatorCode, BigDecimal>> latest = new HashMap<>();
        Map<String, String> versionOf = new HashMap<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("""
                SELECT s.region, s.id, s.version, v.indicator, v.value
                  FROM submission s JOIN submission_value v ON v.submission_id = s.id
                 WHERE s.dataset = ? AND s.period = ? AND s.status = 'SUBMITTED' AND v.kind = 'ACTUAL'""")) {
            query.setString(1, dataset.code().value());
            query.setString(2, period.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    latest.computeIfAbsent(rows.getString(1), unit -> new HashMap<>())
                            .put(IndicatorCode.of(rows.getString(4)), rows.getBigDecimal(5));
                    versionOf.put(rows.getString(1), rows.getString(2) + " v" + rows.getInt(3));
                }
            }
        }
        List<RegionCode> compared = new ArrayList<>(List.of(province));
        regions.children(province).forEach(city -> compared.add(city.code()));
        List<String> mismatches = new ArrayList<>();
        int figures = 0;
        for (RegionCode region : compared) {
            Map<String, Map<IndicatorCode, BigDecimal>> within = new HashMap<>();
            latest.forEach((unit, values) -> {
                if (regions.isWithin(RegionCode.of(unit), region)) {
                    within.put(unit, values);
                }
            });
            for (Indicator indicator : catalogue.indicators()) {
                if (!dataset.contains(indicator.code()) || indicator.rule() == AggregationRule.NONE) {
                    continue;
                }
                figures++;
                Optional<Expected> expected = recompute(indicator, within.values());
                HttpResponse<String> served = get("/api/v1/aggregates/" + indicator.code().value() + "?region=" + region + "&period=" + period);
                compare(indicator, region, expected, served).ifPresent(mismatches::add);
            }
        }
        JsonNode lineage = JSON.readTree(get("/api/v1/aggregates/" + firstAdditive().value() + "/sources?region=" + province + "&period=" + period).body());
        Set<String> named = new HashSet<>();
        lineage.path("sources").forEach(source -> named.add(source.get("region").asText() + " " + source.get("submissionId").asText() + " v" + source.get("version").asInt()));
        int counted = 0;
        for (var unit : versionOf.entrySet()) {
            if (named.contains(unit.getKey() + " " + unit.getValue())) {
                counted++;
            } else {
                mismatches.add("the province's lineage does not name " + unit.getKey() + "'s counting version " + unit.getValue());
            }
        }
        return new Comparison(counted, figures, compared.size(), mismatches);
    }

    private IndicatorCode firstAdditive() {
        return catalogue.indicators().stream().filter(indicator -> dataset.contains(indicator.code()) && indicator.rule() == AggregationRule.SUM)
                .findFirst().orElseThrow().code();
    }

    private record Expected(BigDecimal value, int reportingUnits) {
    }

    /** The figure of units' values by the indicator's rule, over the units that reported what it needs. */
    private static Optional<Expected> recompute(Indicator indicator, Iterable<Map<IndicatorCode, BigDecimal>> units) {
        BigDecimal top = BigDecimal.ZERO;
        BigDecimal bottom = BigDecimal.ZERO;
        BigDecimal max = null;
        int reporting = 0;
        for (Map<IndicatorCode, BigDecimal> values : units) {
            BigDecimal value = values.get(indicator.code());
            switch (indicator.rule()) {
                case SUM -> {
                    if (value != null) {
                        top = top.add(value);
                        reporting++;
                    }
                }
                case MAX -> {
                    if (value != null) {
                        max = max == null ? value : max.max(value);
                        reporting++;
                    }
                }
                case RATIO -> {
                    BigDecimal numerator = values.get(indicator.numerator().orElseThrow());
                    BigDecimal denominator = values.get(indicator.denominator().orElseThrow());
                    if (numerator != null && denominator != null) {
                        top = top.add(numerator);
                        bottom = bottom.add(denominator);
                        reporting++;
                    }
                }
                case AVERAGE_WEIGHTED -> {
                    BigDecimal weight = values.get(indicator.denominator().orElseThrow());
                    if (value != null && weight != null) {
                        top = top.add(value.multiply(weight));
                        bottom = bottom.add(weight);
                        reporting++;
                    }
                }
                case NONE -> throw new IllegalArgumentException(indicator.code() + " does not roll up");
            }
        }
        if (reporting == 0) {
            return Optional.empty();
        }
        BigDecimal value = switch (indicator.rule()) {
            case SUM -> top;
            case MAX -> max;
            case RATIO -> bottom.signum() == 0 ? null : top.multiply(indicator.factor()).divide(bottom, MathContext.DECIMAL64);
            case AVERAGE_WEIGHTED -> bottom.signum() == 0 ? null : top.divide(bottom, MathContext.DECIMAL64);
            case NONE -> null;
        };
        return Optional.of(new Expected(value, reporting));
    }

    private static Optional<String> compare(Indicator indicator, RegionCode region, Optional<Expected> expected, HttpResponse<String> served)
            throws Exception {
        String figure = indicator.code().value() + " of " + region;
        if (expected.isEmpty()) {
            return served.statusCode() == 404 || JSON.readTree(served.body()).path("reportingUnits").asInt() == 0
                    ? Optional.empty()
                    : Optional.of(figure + ": no unit reports it, yet served " + abbreviate(served.body()));
        }
        if (served.statusCode() != 200) {
            return Optional.of(figure + ": expected " + expected.get() + ", served " + served.statusCode());
        }
        JsonNode body = JSON.readTree(served.body());
        BigDecimal value = body.path("value").isNull() || body.path("value").isMissingNode() ? null : body.path("value").decimalValue();
        boolean sameValue = expected.get().value() == null ? value == null
                : value != null && value.round(PRECISION).compareTo(expected.get().value().round(PRECISION)) == 0;
        if (!sameValue || body.path("reportingUnits").asInt() != expected.get().reportingUnits()) {
            return Optional.of(figure + ": recomputed " + expected.get() + ", served " + value + " from " + body.path("reportingUnits").asInt() + " units");
        }
        return Optional.empty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(dashboard + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + analyst).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(options.getOrDefault("--db-url", "jdbc:postgresql://127.0.0.1:5432/report_intake"),
                options.getOrDefault("--db-user", "platform"), options.getOrDefault("--db-password", "platform"));
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void pauseUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
