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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;

/**
 * Loads that freshness is read from by counting ({@link CountingCurves}): every unit of one province first sends
 * {@value #BASE} as its {@link BenchSubmissions#TRACKED} value for each period used, and once the province's figure
 * shows that for every unit, each further submission of a unit carries its previous value + 1, so the province
 * figure minus units × {@value #BASE} is the number of submissions applied. Only one submission of a (unit, period)
 * is in flight at a time, so intake's order of versions is the order of the values.
 */
final class CountingLoad {

    static final RegionCode PROVINCE = RegionCode.of("360000");
    static final long BASE = 1000;
    private static final Duration PRIMED = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One steady run: the latencies and what could not be measured. */
    record Run(long[] latenciesMicros, long sent, long accepted, long notApplied, long skipped, long refused) {
        double percentileMs(double fraction) {
            return Figure.percentile(latenciesMicros, fraction) / 1000;
        }
    }

    /** A burst: its 202s' rate and how long after the last one the province figure had counted every submission. */
    record Burst(long sent, long accepted, double perSecond, double completeAfterLastMs, boolean complete) {
    }

    private final Settings settings;
    private final List<Region> units;
    private final Map<Region, String> tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Per period: the province figure's count over time. */
    private final Map<PeriodCode, List<CountingCurves.Observation>> figure = new ConcurrentHashMap<>();
    /** Per (unit, period): its last accepted value above {@link #BASE}. */
    private final Map<String, Long> counted = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    CountingLoad(Settings settings, List<Region> units, Map<Region, String> tokens) {
        this.settings = settings;
        this.units = units;
        this.tokens = tokens;
    }

    /** The province's live stream of the tracked indicator, open for every run. */
    void listen() {
        URI uri = URI.create(settings.dashboard() + "/api/v1/stream?region=" + PROVINCE.value() + "&indicator=" + BenchSubmissions.TRACKED.value());
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + settings.token(PROVINCE.value(), Role.ANALYST))
                .header("Accept", "text/event-stream").build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                Log.step("bench", "the live stream of " + PROVINCE + " answered " + response.statusCode());
                return;
            }
            response.body().filter(line -> line.startsWith("data:")).forEach(line -> onChange(line.substring(5).trim()));
        });
    }

    private void onChange(String data) {
        long now = System.nanoTime();
        try {
            JsonNode change = JSON.readTree(data);
            if (!change.path("region").asText().equals(PROVINCE.value()) || !"ACTUAL".equals(change.path("kind").asText())
                    || !"RECEIVED".equals(change.path("basis").asText()) || change.path("value").isNull()) {
                return;
            }
            List<CountingCurves.Observation> curve = figure.get(PeriodCode.of(change.path("period").asText()));
            if (curve != null) {
                long count = change.path("value").decimalValue().longValueExact() - BASE * units.size();
                synchronized (curve) {
                    curve.add(new CountingCurves.Observation(now, count));
                }
            }
        } catch (Exception e) {
            Log.step("bench", "unreadable change " + data + ": " + e.getMessage());
        }
    }

    /** Every unit sends {@link #BASE} for each period, 8 at a time; then waits until the province figure shows it. */
    void prime(List<PeriodCode> periods, Map<Region, String> templates) throws Exception {
        periods.forEach(period -> figure.put(period, new ArrayList<>()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger refused = new AtomicInteger();
        for (PeriodCode period : periods) {
            for (Region unit : units) {
                pool.submit(() -> {
                    if (send(unit, templates.get(unit), period, BASE)) {
                        counted.put(series(unit, period), 0L);
                    } else {
                        refused.incrementAndGet();
                    }
                });
            }
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " priming submissions were not accepted: counting needs every unit");
        }
        for (PeriodCode period : periods) {
            // exactly: a figure above it (values of an earlier run) passes through larger counts on its way down
            if (!awaitExactly(period, 0, PRIMED)) {
                throw new IllegalStateException("the province figure of " + period + " did not show every unit's " + BASE
                        + " within " + PRIMED.toSeconds() + " s (last count " + count(period) + ")");
            }
        }
    }

    /** Open loop: {@code perSecond} submissions, round robin over the units and periods, each series one at a time. */
    Run steady(int perSecond, Duration length, List<PeriodCode> periods, Map<Region, String> templates, Duration drain) throws InterruptedException {
        Map<PeriodCode, List<Long>> accepted = new ConcurrentHashMap<>();
        Map<PeriodCode, Long> startCount = new ConcurrentHashMap<>();
        periods.forEach(period -> {
            accepted.put(period, new ArrayList<>());
            startCount.put(period, count(period));
        });
        Map<String, Boolean> inFlight = new ConcurrentHashMap<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong cursor = new AtomicLong();
        int seriesCount = units.size() * periods.size();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            for (int tried = 0; tried < seriesCount; tried++) {
                long n = cursor.getAndIncrement();
                Region unit = units.get((int) (n % units.size()));
                PeriodCode period = periods.get((int) ((n / units.size()) % periods.size()));
                String series = series(unit, period);
                if (inFlight.putIfAbsent(series, true) == null) {
                    sent.incrementAndGet();
                    long value = BASE + counted.get(series) + 1;
                    submitAsync(unit, templates.get(unit), period, value, ok -> {
                        if (ok) {
                            counted.put(series, value - BASE);
                            List<Long> times = accepted.get(period);
                            synchronized (times) {
                                times.add(System.nanoTime());
                            }
                        } else {
                            refused.incrementAndGet();
                        }
                        inFlight.remove(series);
                    });
                    return;
                }
            }
            skipped.incrementAndGet();
        }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        Thread.sleep(length.toMillis());
        ticker.shutdownNow();
        long until = System.nanoTime() + drain.toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        long acceptedTotal = accepted.values().stream().mapToLong(List::size).sum();
        for (PeriodCode period : periods) {
            awaitCount(period, startCount.get(period) + accepted.get(period).size(), Duration.ofNanos(Math.max(0, until - System.nanoTime())));
        }
        List<Long> latencies = new ArrayList<>();
        long notApplied = 0;
        for (PeriodCode period : periods) {
            List<Long> times;
            synchronized (accepted.get(period)) {
                times = List.copyOf(accepted.get(period));
            }
            List<CountingCurves.Observation> run = observationsAfter(period, startCount.get(period));
            for (long micros : CountingCurves.latenciesMicros(times, run)) {
                latencies.add(micros);
            }
            notApplied += times.size() - Math.max(0, count(period) - startCount.get(period));
        }
        return new Run(latencies.stream().mapToLong(Long::longValue).toArray(), sent.get(), acceptedTotal,
                Math.max(0, notApplied), skipped.get(), refused.get());
    }

    /**
     * {@code revisions} rounds of every unit's submission of {@code period} from {@code connections} connections as
     * fast as intake answers; a unit's next revision waits for its previous 202.
     */
    Burst burst(PeriodCode period, int revisions, int connections, Map<Region, String> templates, Duration drain) throws Exception {
        long startCount = count(period);
        int total = revisions * units.size();
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong lastAccepted = new AtomicLong();
        Map<Region, AtomicInteger> done = new ConcurrentHashMap<>();
        units.forEach(unit -> done.put(unit, new AtomicInteger()));
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    Region unit = units.get(i % units.size());
                    int revision = i / units.size();
                    while (done.get(unit).get() < revision) {
                        Thread.sleep(1);
                    }
                    String series = series(unit, period);
                    long value = BASE + counted.get(series) + 1;
                    if (send(unit, templates.get(unit), period, value)) {
                        counted.put(series, value - BASE);
                        accepted.incrementAndGet();
                        lastAccepted.set(System.nanoTime());
                    }
                    done.get(unit).incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        boolean complete = awaitCount(period, startCount + accepted.get(), drain);
        long completeAt = firstReaching(period, startCount + accepted.get());
        return new Burst(total, accepted.get(), accepted.get() / ((lastAccepted.get() - started) / 1e9),
                complete ? Math.max(0, completeAt - lastAccepted.get()) / 1e6 : Double.NaN, complete);
    }

    private long count(PeriodCode period) {
        List<CountingCurves.Observation> curve = figure.get(period);
        synchronized (curve) {
            return curve.isEmpty() ? Long.MIN_VALUE : curve.get(curve.size() - 1).count();
        }
    }

    private List<CountingCurves.Observation> observationsAfter(PeriodCode period, long startCount) {
        List<CountingCurves.Observation> curve = figure.get(period);
        synchronized (curve) {
            return curve.stream().map(seen -> new CountingCurves.Observation(seen.nanos(), seen.count() - startCount))
                    .filter(seen -> seen.count() > 0).toList();
        }
    }

    private long firstReaching(PeriodCode period, long target) {
        List<CountingCurves.Observation> curve = figure.get(period);
        synchronized (curve) {
            return curve.stream().filter(seen -> seen.count() >= target).mapToLong(CountingCurves.Observation::nanos).findFirst().orElse(Long.MAX_VALUE);
        }
    }

    private boolean awaitExactly(PeriodCode period, long target, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (count(period) != target) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private boolean awaitCount(PeriodCode period, long target, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (count(period) < target) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static String series(Region unit, PeriodCode period) {
        return unit.code().value() + "|" + period.value();
    }

    private HttpRequest request(Region unit, String template, PeriodCode period, long value) {
        String key = "count-" + System.currentTimeMillis() + "-" + keys.incrementAndGet();
        return HttpRequest.newBuilder(URI.create(settings.intake() + "/api/v1/submissions"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.get(unit))
                .POST(HttpRequest.BodyPublishers.ofString(BenchSubmissions.fill(template, key, period, value))).build();
    }

    private static boolean accepted(HttpResponse<String> response) {
        return response.statusCode() == 202 && !response.body().contains("NEEDS_EXPLANATION");
    }

    private boolean send(Region unit, String template, PeriodCode period, long value) {
        try {
            HttpResponse<String> response = http.send(request(unit, template, period, value), HttpResponse.BodyHandlers.ofString());
            if (!accepted(response)) {
                Log.step("bench", "not accepted: " + response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
            }
            return accepted(response);
        } catch (Exception e) {
            Log.step("bench", "not accepted: " + e);
            return false;
        }
    }

    private void submitAsync(Region unit, String template, PeriodCode period, long value, java.util.function.Consumer<Boolean> done) {
        http.sendAsync(request(unit, template, period, value), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> done.accept(error == null && accepted(response)));
    }
}
