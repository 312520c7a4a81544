package org.reportplatform.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.access.TokenIssuer;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Loads the demo: the province loads, as history, every form of every county-level unit within it for 2019 and 2020
 * (a quarterly form for each quarter), each with the date the unit originally reported it ({@code reportedAt}, see
 * {@link DemoReportDates}); one unit in eight revises its 2020 submissions, and the 2019 submissions go through the
 * review: approved by the city, accepted by the province. Keys are deterministic, so a second run changes nothing.
 *
 * <p>Usage: {@code DemoSubmissions --key .platform/jwt/privateKey.pem [--intake http://127.0.0.1:8081] [--province 360000]}:
 * the province loads and reviews with a reviewer and province token signed with the local key pair
 * {@code bin/platform} made.
 */
public final class DemoSubmissions {

    private static final List<PeriodCode> YEARS = List.of(PeriodCode.of("2019"), PeriodCode.of("2020"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    private static final String HELD = "NEEDS_EXPLANATION";
    /** Counted apart from HTTP statuses: accepted, but not published until explained. */
    private static final int HELD_FOR_EXPLANATION = -1;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI submissions = URI.create(options.getOrDefault("--intake", "http://127.0.0.1:8081") + "/api/v1/submissions");
        RegionCode province = RegionCode.of(options.getOrDefault("--province", "360000"));
        if (!options.containsKey("--key")) {
            throw new IllegalArgumentException("--key <privateKey.pem> is required: the demo signs in as each county");
        }
        TokenIssuer issuer = TokenIssuer.fromPem(Path.of(options.get("--key")));
        // only the province loads history with its original report dates
        String provinceToken = issuer.issue("demo province", province.value(), List.of(Role.REVIEWER, Role.PROVINCE),
                TOKEN_LIFETIME);

        RegionRegistry regions = RegionRegistry.load();
        Catalogue catalogue = Catalogue.load();
        DemoFigures figures = new DemoFigures(catalogue);
        // the units as they were each year: 龙南县 360727 reports 2019, 龙南市 360783 2020
        List<Region> units = YEARS.stream().flatMap(year -> regions.reportingUnitsUnder(province, year).stream())
                .filter(distinctCodes()).toList();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> pending = new ArrayList<>();
        for (Region unit : units) {
            // one task per unit keeps each unit's versions in order
            pending.add(pool.submit(() -> {
                for (PeriodCode year : YEARS.stream().filter(year -> regions.isValidIn(unit.code(), year)).toList()) {
                    for (Dataset dataset : catalogue.datasets().stream().filter(form -> form.isAssignedTo(unit)).toList()) {
                        int versions = year.equals(YEARS.get(1)) && Math.floorMod(unit.code().hashCode() + dataset.code().hashCode(), 8) == 0 ? 2 : 1;
                        for (PeriodCode period : periodsOf(dataset, year)) {
                            for (int version = 1; version <= versions; version++) {
                                boolean reviewed = year.equals(YEARS.get(0));
                                DemoSubmission history = figures.submission(unit.code(), dataset, period, version)
                                        .reportedAt(DemoReportDates.reportedAt(unit.code(), dataset, period, version));
                                int status = post(http, submissions, history, provinceToken, reviewed);
                                byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> task : pending) {
            task.get();
        }
        pool.shutdown();
        int accepted = count(byStatus, 202);
        int replayed = count(byStatus, 200);
        int failed = byStatus.entrySet().stream().filter(e -> e.getKey() != 200 && e.getKey() != 202).mapToInt(e -> e.getValue().get()).sum();
        System.out.printf("demo: %d units of %s, %d submissions accepted, %d already present, %d failed (%d of them held for explanation)%n",
                units.size(), province, accepted, replayed, failed, count(byStatus, HELD_FOR_EXPLANATION));
        if (failed > 0) {
            System.exit(1);
        }
    }

    private static Predicate<Region> distinctCodes() {
        Set<RegionCode> seen = ConcurrentHashMap.newKeySet();
        return unit -> seen.add(unit.code());
    }

    /** The periods a form is reported for within a year: the year itself, or its quarters, months... */
    private static List<PeriodCode> periodsOf(Dataset dataset, PeriodCode year) {
        return year.type() == dataset.periodType()
                ? List.of(year)
                : year.subPeriods().stream().filter(period -> period.type() == dataset.periodType()).toList();
    }

    /** Posts the submission and, when {@code reviewed}, takes it through approval and acceptance as far as it is not. */
    private static int post(HttpClient http, URI uri, DemoSubmission submission, String token, boolean reviewed)
            throws Exception {
        HttpResponse<String> response = send(http, uri, JSON.writeValueAsString(submission), token);
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            System.err.printf("demo: %s refused with %d: %s%n", submission.submissionKey(), response.statusCode(), response.body());
            return response.statusCode();
        }
        JsonNode stored = JSON.readTree(response.body());
        // demo figures are meant to pass every rule: one held for explanation is a flaw of the generator
        if (HELD.equals(stored.path("status").asText())) {
            System.err.printf("demo: %s held for explanation: %s%n", submission.submissionKey(), response.body());
            return HELD_FOR_EXPLANATION;
        }
        String reviewStatus = stored.path("reviewStatus").asText();
        URI transitions = URI.create(uri + "/" + stored.path("id").asText() + "/transitions");
        if (reviewed && reviewStatus.equals("SUBMITTED")) {
            reviewStatus = review(http, transitions, "approve", "reviewer", submission, token);
        }
        if (reviewed && reviewStatus.equals("APPROVED")) {
            review(http, transitions, "accept", "province", submission, token);
        }
        return response.statusCode();
    }

    private static String review(HttpClient http, URI transitions, String action, String role, DemoSubmission submission,
                                 String token) throws Exception {
        String body = JSON.writeValueAsString(Map.of("action", action, "role", role, "actor", "demo " + role));
        HttpResponse<String> response = send(http, transitions, body, token);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("demo: cannot " + action + " " + submission.submissionKey() + ": "
                    + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("reviewStatus").asText();
    }

    static HttpResponse<String> send(HttpClient http, URI uri, String json, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int count(Map<Integer, AtomicInteger> byStatus, int status) {
        return byStatus.getOrDefault(status, new AtomicInteger()).get();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
