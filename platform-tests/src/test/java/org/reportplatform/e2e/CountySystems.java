package org.reportplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.launch.ChildProcesses;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * The county systems of a province, sending one form after another (first versions and revisions, from random
 * counties) at a steady pace on a thread of their own, and keeping a ledger of what intake accepted: for each
 * county, the value of its latest accepted version. That ledger is what the figures must equal.
 *
 * <p>An answer is either accepted (202), refused as unavailable (503 problem+json with {@code Retry-After}: the county
 * system sends it again later, so it is not in the ledger), or unexpected, which the tests report.
 */
final class CountySystems implements AutoCloseable {

    static final String DATASET = "edu_annual";
    static final String INDICATOR = "edu_school_count";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PACE = Duration.ofMillis(50);

    /** What intake accepted last from a county. */
    record Accepted(String submissionId, int version, int value) {
    }

    private final RunningPlatform platform;
    private final String period;
    private final List<Region> counties;
    private final Random random;
    private final Map<String, Accepted> ledger = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;

    private CountySystems(RunningPlatform platform, RegionRegistry regions, RegionCode province, String period, long seed) {
        this.platform = platform;
        this.period = period;
        // the units as they were in the period: a code not yet in use then is refused
        this.counties = regions.reportingUnitsUnder(province, PeriodCode.of(period));
        this.random = new Random(seed);
        this.thread = new Thread(this::submitUntilClosed, "county-systems-" + period);
    }

    /** Starts sending forms of {@code period} from the counties of {@code province}. */
    static CountySystems start(RunningPlatform platform, RegionRegistry regions, RegionCode province, String period, long seed) {
        CountySystems systems = new CountySystems(platform, regions, province, period, seed);
        systems.thread.start();
        return systems;
    }

    private void submitUntilClosed() {
        while (running) {
            Region county = counties.get(random.nextInt(counties.size()));
            // 100..249: never three times another year's value, so the change rule never holds a submission back
            int value = 100 + random.nextInt(150);
            submit(county.code().value(), value);
            ChildProcesses.sleep(PACE);
        }
    }

    private void submit(String county, int value) {
        int n = sent.incrementAndGet();
        String body = """
                {"submissionKey": "faults-%s-%s-%d", "region": "%s", "dataset": "%s", "period": "%s",
                 "values": [{"indicator": "%s", "value": %d}]}"""
                .formatted(period, county, n, county, DATASET, period, INDICATOR, value);
        try {
            HttpResponse<String> response = platform.post(platform.intake + "/api/v1/submissions", body,
                    platform.token(county, Role.REPORTER));
            if (response.statusCode() == 202) {
                JsonNode receipt = JSON.readTree(response.body());
                ledger.put(county, new Accepted(receipt.get("id").asText(), receipt.get("version").asInt(), value));
                accepted.incrementAndGet();
            } else if (isRetryableUnavailability(response)) {
                unavailable.incrementAndGet();
            } else {
                unexpected.add(response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("")
                        + " " + response.body());
            }
        } catch (IOException e) {
            unexpected.add("no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static boolean isRetryableUnavailability(HttpResponse<String> response) {
        return response.statusCode() == 503
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && response.headers().firstValue("Retry-After").isPresent();
    }

    int sent() {
        return sent.get();
    }

    int accepted() {
        return accepted.get();
    }

    int unavailable() {
        return unavailable.get();
    }

    List<String> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    /** The latest accepted version of each county that has one; stable once closed. */
    Map<String, Accepted> ledger() {
        return Map.copyOf(ledger);
    }

    String period() {
        return period;
    }

    /** Stops sending and waits for the answer to the request in flight. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
