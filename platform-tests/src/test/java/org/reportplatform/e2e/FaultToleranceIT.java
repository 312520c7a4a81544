package org.reportplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.launch.ChildProcesses;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.e2e.CountySystems.Accepted;

/**
 * The faults an operator meets, each while the county systems of Jiangxi keep submitting: the broker stops, the
 * aggregator is killed, the dashboard is restarted, the database crashes. After each, every accepted submission is
 * counted exactly once: every city's figure and the province's equal the sum of the latest accepted version of each
 * county, with as many reporting units as counties, and the province figure's lineage names exactly those versions.
 *
 * <p>The platform runs on a broker and a PostgreSQL cluster of this test's own, so that stopping them disturbs
 * nothing else. Each test uses its own period, so a test's figures are its own.
 */
class FaultToleranceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final RegionRegistry REGIONS = RegionRegistry.load();
    private static final RegionCode PROVINCE = RegionCode.of("360000");
    private static final Duration SETTLED = Duration.ofSeconds(120);

    private static PostgresCluster postgres;
    private static KafkaNode broker;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatformOnItsOwnInfrastructure() {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        postgres = new PostgresCluster();
        postgres.start();
        broker = new KafkaNode(root, root.resolve("platform-tests/target/faults-kafka-" + UUID.randomUUID().toString().substring(0, 8)));
        broker.start();
        platform = RunningPlatform.start(new RunningPlatform.Infrastructure(broker.bootstrapServers(), "127.0.0.1",
                String.valueOf(postgres.port()), PostgresCluster.USER, PostgresCluster.PASSWORD));
    }

    @AfterAll
    static void stopAll() {
        if (platform != null) {
            platform.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void whileTheBrokerIsDownIntakeKeepsAcceptingAndPublishesEverythingOnceItIsBack() {
        try (CountySystems counties = CountySystems.start(platform, REGIONS, PROVINCE, "2012", 12)) {
            awaitAccepted(counties, 10);
            broker.stop();
            int acceptedBefore = counties.accepted();
            ChildProcesses.sleep(Duration.ofSeconds(10));
            assertThat(counties.accepted() - acceptedBefore).as("submissions accepted while the broker was down").isGreaterThanOrEqualTo(20);
            broker.start();
            ChildProcesses.sleep(Duration.ofSeconds(3));
            counties.close();
            assertCountedExactlyOnce(counties);
        }
    }

    @Test
    void killingTheAggregatorMidStreamNeitherLosesNorDoubleCountsAValue() {
        try (CountySystems counties = CountySystems.start(platform, REGIONS, PROVINCE, "2014", 14)) {
            awaitAccepted(counties, 20);
            platform.kill(RunningPlatform.INDICATOR_SERVICE);
            ChildProcesses.sleep(Duration.ofSeconds(2));
            platform.restart(RunningPlatform.INDICATOR_SERVICE);
            awaitAccepted(counties, counties.accepted() + 20);
            // once more, now that it is busy catching up
            platform.kill(RunningPlatform.INDICATOR_SERVICE);
            platform.restart(RunningPlatform.INDICATOR_SERVICE);
            ChildProcesses.sleep(Duration.ofSeconds(2));
            counties.close();
            assertCountedExactlyOnce(counties);
        }
    }

    @Test
    void aRestartedDashboardIsCompleteAgainAndLive() throws Exception {
        try (CountySystems counties = CountySystems.start(platform, REGIONS, PROVINCE, "2016", 16)) {
            awaitAccepted(counties, 20);
            platform.kill(RunningPlatform.DASHBOARD);
            awaitAccepted(counties, counties.accepted() + 40);
            platform.restart(RunningPlatform.DASHBOARD);
            try (LiveStream live = LiveStream.open(platform.dashboard + "/api/v1/stream?region=" + PROVINCE
                    + "&indicator=" + CountySystems.INDICATOR + "&period=" + counties.period(), analystToken())) {
                awaitAccepted(counties, counties.accepted() + 20);
                counties.close();
                assertCountedExactlyOnce(counties);
                // the last change pushed for the province is the figure the ledger gives
                int total = total(counties.ledger(), PROVINCE);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(live.lastValueOf(PROVINCE.value())).as("the province's figure as last pushed").isEqualTo(total));
            }
        }
    }

    @Test
    void whileTheDatabaseIsDownIntakeAnswers503AndRecoversByItself() throws Exception {
        try (CountySystems counties = CountySystems.start(platform, REGIONS, PROVINCE, "2018", 18)) {
            awaitAccepted(counties, 10);
            postgres.crash();
            int unavailableBefore = counties.unavailable();
            ChildProcesses.sleep(Duration.ofSeconds(8));
            assertThat(counties.unavailable() - unavailableBefore).as("503 answers while the database was down").isPositive();
            HttpResponse<String> figure = platform.get(figureUrl(PROVINCE, counties.period()), analystToken());
            assertThat(figure.statusCode()).as(figure.body()).isEqualTo(503);
            assertThat(figure.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

            postgres.start();
            // no service is restarted: intake and the dashboard find the database again by themselves
            awaitAccepted(counties, counties.accepted() + 20);
            counties.close();
            assertCountedExactlyOnce(counties);
        }
    }

    private static void awaitAccepted(CountySystems counties, int accepted) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(counties.unexpected()).as("answers that are neither 202 nor a 503 to retry").isEmpty();
            assertThat(counties.accepted()).as("accepted submissions").isGreaterThanOrEqualTo(accepted);
        });
    }

    /**
     * Every city with an accepted county, and the province: the sum of the latest accepted values and as many
     * reporting units as counties; the province's lineage: exactly the latest accepted versions.
     */
    private static void assertCountedExactlyOnce(CountySystems counties) {
        assertThat(counties.unexpected()).as("answers that are neither 202 nor a 503 to retry").isEmpty();
        Map<String, Accepted> ledger = counties.ledger();
        Set<RegionCode> regions = new HashSet<>(List.of(PROVINCE));
        ledger.keySet().forEach(county -> REGIONS.parentOf(RegionCode.of(county)).ifPresent(regions::add));
        Set<String> expectedSources = ledger.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue().submissionId() + " v" + entry.getValue().version())
                .collect(Collectors.toSet());
        await().atMost(SETTLED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (RegionCode region : regions) {
                JsonNode figure = read(figureUrl(region, counties.period()));
                assertThat(figure.get("value").intValue()).as("%s's figure in %s", region, counties.period())
                        .isEqualTo(total(ledger, region));
                assertThat(figure.get("reportingUnits").asInt()).as("%s's reporting units", region)
                        .isEqualTo(countiesWithin(ledger, region));
            }
            JsonNode lineage = read(platform.dashboard + "/api/v1/aggregates/" + CountySystems.INDICATOR + "/sources?region="
                    + PROVINCE + "&period=" + counties.period());
            Set<String> sources = new HashSet<>();
            lineage.get("sources").forEach(source -> sources.add(source.get("region").asText() + " "
                    + source.get("submissionId").asText() + " v" + source.get("version").asInt()));
            assertThat(sources).as("the province figure's sources").isEqualTo(expectedSources);
        });
        System.out.printf("%s: sent %d, accepted %d, answered 503 %d; %d counties counted once each, province total %d%n",
                counties.period(), counties.sent(), counties.accepted(), counties.unavailable(), ledger.size(),
                total(ledger, PROVINCE));
    }

    private static int total(Map<String, Accepted> ledger, RegionCode region) {
        return ledger.entrySet().stream().filter(entry -> REGIONS.isWithin(RegionCode.of(entry.getKey()), region))
                .mapToInt(entry -> entry.getValue().value()).sum();
    }

    private static int countiesWithin(Map<String, Accepted> ledger, RegionCode region) {
        return (int) ledger.keySet().stream().filter(county -> REGIONS.isWithin(RegionCode.of(county), region)).count();
    }

    private static String figureUrl(RegionCode region, String period) {
        return platform.dashboard + "/api/v1/aggregates/" + CountySystems.INDICATOR + "?region=" + region + "&period=" + period;
    }

    private static String analystToken() {
        return platform.token(PROVINCE.value(), Role.ANALYST);
    }

    private static JsonNode read(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = platform.get(url, analystToken());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A Server-Sent Events subscription, keeping every change pushed. */
    private static final class LiveStream implements AutoCloseable {

        private final List<JsonNode> changes = new CopyOnWriteArrayList<>();
        private volatile Stream<String> lines;

        static LiveStream open(String url, String token) {
            LiveStream stream = new LiveStream();
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(answer -> {
                        stream.lines = answer.body();
                        stream.lines.filter(line -> line.startsWith("data:")).forEach(stream::keep);
                    });
            return stream;
        }

        private void keep(String line) {
            try {
                changes.add(JSON.readTree(line.substring("data:".length())));
            } catch (IOException e) {
                throw new IllegalStateException("unreadable change: " + line, e);
            }
        }

        /**
         * The value of the last change of {@code region}'s figure (actual values, as received), or null. One figure's
         * changes come from one partition, so the stream delivers them in order (docs/adr/0019).
         */
        Integer lastValueOf(String region) {
            return changes.stream().filter(change -> change.get("region").asText().equals(region)
                            && "actual".equalsIgnoreCase(change.get("kind").asText())
                            && "received".equalsIgnoreCase(change.get("basis").asText()))
                    .reduce((earlier, later) -> later)
                    .map(change -> change.get("value").intValue())
                    .orElse(null);
        }

        @Override
        public void close() {
            if (lines != null) {
                lines.close();
            }
        }
    }
}
