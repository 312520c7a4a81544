package org.reportplatform.dashboard.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.access.TestTokens;
import org.reportplatform.contracts.fuzz.Hostile;
import org.reportplatform.contracts.problem.Problem;

/**
 * Malformed and hostile queries to every endpoint of dashboard-api (the live stream included: a bad query is refused
 * before any event is sent), {@code fuzz.requests} (10,000) each: every answer
 * is a 4xx problem+json, never a 5xx. Each query has at least one parameter that makes it invalid; a city analyst asks,
 * so that a region outside its subtree is one of the faults.
 */
@QuarkusTest
class FuzzTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ANALYST = TestTokens.issue("360700", List.of(Role.ANALYST));

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyHostileQueryIsRefusedAsAProblem() throws Exception {
        Random random = new Random(SEED);
        Map<String, String> endpoints = new TreeMap<>(Map.of(
                "figure", "api/v1/aggregates/{indicator}?region={region}&period={period}&status={status}",
                "children", "api/v1/aggregates/{indicator}/children?region={region}&period={period}&status={status}",
                "sources", "api/v1/aggregates/{indicator}/sources?region={region}&period={period}&status={status}",
                "trend", "api/v1/aggregates/{indicator}/trend?region={region}&from={period}&to=2020&status={status}",
                "completeness", "api/v1/completeness?dataset={dataset}&period={period}&region={region}",
                "export", "api/v1/export?type=children&indicator={indicator}&region={region}&period={period}&status={status}",
                "stream", "api/v1/stream?region={region}&indicator={indicator}&period={period}",
                "region", "api/v1/regions/{region}",
                "indicator", "api/v1/indicators/{indicator}"));
        List<String> failures = new ArrayList<>();
        for (var endpoint : endpoints.entrySet()) {
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> parameters = List.of("indicator", "region", "period", "status", "dataset").stream()
                    .filter(name -> endpoint.getValue().contains("{" + name + "}")).toList();
            for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
                Map<String, String> values = new TreeMap<>(Map.of("indicator", "edu_school_count", "region", "360700",
                        "period", "2020", "status", "received", "dataset", "edu_annual"));
                String broken = parameters.get(random.nextInt(parameters.size()));
                values.put(broken, fault(broken, endpoint.getKey().equals("region"), random));
                String path = endpoint.getValue();
                for (var value : values.entrySet()) {
                    path = path.replace("{" + value.getKey() + "}", value.getValue());
                }
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                        .header("Authorization", "Bearer " + ANALYST).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.merge(response.statusCode(), 1, Integer::sum);
                boolean refused = response.statusCode() >= 400 && response.statusCode() < 500;
                if (!refused || !response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE)) {
                    failures.add(endpoint.getKey() + " answered " + response.statusCode() + " to " + path);
                }
            }
            System.out.printf("fuzz (seed %d): %s, %d requests: %s%n", SEED, endpoint.getKey(), REQUESTS, statuses);
        }
        assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A value of the parameter that no valid query has. */
    private static String fault(String parameter, boolean referenceData, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Hostile.encoded(random) + "%21";
            case 1 -> switch (parameter) {
                // outside Ganzhou, the analyst's city: refused, not narrowed (the regions themselves are public)
                case "region" -> referenceData || random.nextBoolean() ? "999999" : pick(random, "360000", "360102");
                case "period" -> random.nextBoolean() ? "2020Q5" : "1900";
                case "indicator" -> "edu_unicorn_count";
                case "dataset" -> "edu_monthly";
                default -> "official";
            };
            // blank, not empty: an empty status is the default one, and an empty path segment another endpoint
            default -> "%20";
        };
    }
}
