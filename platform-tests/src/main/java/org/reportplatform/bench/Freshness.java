package org.reportplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Item 3: from a submission's 202 to the change of its province's figure arriving on dashboard-api's live stream,
 * under a steady (open-loop) load. dashboard-api appends a change to its log in the transaction that writes the
 * figure, so an event on the stream means the figure is served. Each submission goes to a (province, year) with no
 * other submission in flight or just resolved, so the first change of that figure after the 202 is this one's.
 */
final class Freshness {

    static final String SECTION = "3. Freshness";
    /** A (province, year) just resolved is not used again for this long: a late second change of it must not count. */
    private static final long QUARANTINE_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** After the load, how long the last submissions may take to arrive before they count as not seen. */
    private static final Duration DRAIN = Duration.ofSeconds(120);
    private static final int REFUSALS_SHOWN = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Latencies of one run, in ms, and what could not be measured. */
    record Run(long[] latenciesMicros, long sent, long lost, long skipped, long refused) {
        double percentileMs(double fraction) {
            return Figure.percentile(latenciesMicros, fraction) / 1000;
        }
    }

    private static final class Pending {
        volatile long acceptedAt;
        volatile long eventAt;
    }

    private final Settings settings;
    private final Map<Region, String> templates;
    private final Map<Region, String> tokens;
    private final Map<RegionCode, List<Region>> unitsByProvince;
    private final List<String> pairs = new ArrayList<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> quarantinedUntil = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Long> latencies = new ArrayList<>();
    private final AtomicLong submissionNumber = new AtomicLong();

    Freshness(Settings settings, RegionRegistry regions, Map<Region, String> templates, Map<Region, String> tokens) {
        this.settings = settings;
        this.templates = templates;
        this.tokens = tokens;
        this.unitsByProvince = templates.keySet().stream().collect(Collectors.groupingBy(unit -> provinceOf(regions, unit)));
        for (int year = BenchSubmissions.FIRST_YEAR; year <= BenchSubmissions.LAST_YEAR; year++) {
            for (RegionCode province : unitsByProvince.keySet()) {
                pairs.add(province.value() + "|" + year);
            }
        }
    }

    /** Opens one live stream per province, filtered to the tracked indicator; they stay open for every run. */
    void listen() {
        for (RegionCode province : unitsByProvince.keySet()) {
            URI uri = URI.create(settings.dashboard() + "/api/v1/stream?region=" + province.value()
                    + "&indicator=" + BenchSubmissions.TRACKED.value());
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + settings.token(province.value(), Role.ANALYST))
                    .header("Accept", "text/event-stream").build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                if (response.statusCode() != 200) {
                    Log.step(SECTION, "stream of " + province + " answered " + response.statusCode());
                    return;
                }
                response.body().filter(line -> line.startsWith("data:")).forEach(line -> onChange(province, line.substring(5).trim()));
            });
        }
    }

    private void onChange(RegionCode province, String data) {
        long now = System.nanoTime();
        try {
            JsonNode change = JSON.readTree(data);
            if (!change.path("region").asText().equals(province.value())) {
                return;
            }
            String pair = province.value() + "|" + change.path("period").asText();
            Pending waiting = pending.get(pair);
            if (waiting == null) {
                return;
            }
            if (waiting.acceptedAt == 0) {
                waiting.eventAt = now;       // served before the 202 reached us: resolved when it does
            } else {
                resolve(pair, now - waiting.acceptedAt);
            }
        } catch (Exception e) {
            Log.step(SECTION, "unreadable change " + data + ": " + e.getMessage());
        }
    }

    private synchronized void resolve(String pair, long nanos) {
        if (pending.remove(pair) != null) {
            latencies.add(Math.max(0, nanos) / 1000);
            quarantinedUntil.put(pair, System.nanoTime() + QUARANTINE_NANOS);
        }
    }

    /** One run of {@code seconds} at {@code perSecond} submissions, then up to 120 s for the last ones to arrive. */
    Run run(int perSecond, Duration length) throws InterruptedException {
        synchronized (this) {
            latencies.clear();
        }
        AtomicLong sent = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        int[] cursor = {0};
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            String pair = nextFreePair(cursor);
            if (pair == null) {
                skipped.incrementAndGet();
            } else {
                sent.incrementAndGet();
                submit(pair, refused);
            }
        }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        Thread.sleep(length.toMillis());
        ticker.shutdownNow();
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < drainUntil) {
            Thread.sleep(100);
        }
        long lost = pending.size();
        pending.clear();
        synchronized (this) {
            return new Run(latencies.stream().mapToLong(Long::longValue).toArray(), sent.get(), lost, skipped.get(), refused.get());
        }
    }

    private String nextFreePair(int[] cursor) {
        long now = System.nanoTime();
        for (int tried = 0; tried < pairs.size(); tried++) {
            String pair = pairs.get(cursor[0]++ % pairs.size());
            if (!pending.containsKey(pair) && quarantinedUntil.getOrDefault(pair, 0L) < now) {
                return pair;
            }
        }
        return null;
    }

    private void submit(String pair, AtomicLong refused) {
        String[] parts = pair.split("\\|");
        List<Region> units = unitsByProvince.get(RegionCode.of(parts[0]));
        Region unit = units.get((int) Math.floorMod(submissionNumber.get() * 7919, units.size()));
        long n = submissionNumber.incrementAndGet();
        String body = BenchSubmissions.fill(templates.get(unit), "fresh-" + System.nanoTime() + "-" + n, PeriodCode.of(parts[1]), n);
        Pending waiting = new Pending();
        pending.put(pair, waiting);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.intake() + "/api/v1/submissions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.get(unit))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long now = System.nanoTime();
            if (error != null || response.statusCode() != 202 || response.body().contains("NEEDS_EXPLANATION")) {
                if (refused.incrementAndGet() <= REFUSALS_SHOWN) {
                    Log.step(SECTION, "not accepted: " + (error != null ? error.toString()
                            : response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length()))));
                }
                pending.remove(pair);
                return;
            }
            waiting.acceptedAt = now;
            if (waiting.eventAt != 0) {
                resolve(pair, 0);
            }
        });
    }

    private static RegionCode provinceOf(RegionRegistry regions, Region unit) {
        RegionCode code = unit.code();
        while (regions.parentOf(code).isPresent()) {
            code = regions.parentOf(code).get();
        }
        return code;
    }
}
