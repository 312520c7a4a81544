package org.reportplatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.reportplatform.contracts.access.Role;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Loads that freshness is read from by counting ({@link CountingCurves}): every unit of one province (the units as
 * they were in the period, ADR 0017) first sends
 * {@value #BASE} as its {@link BenchSubmissions#TRACKED} value for each period used, and once the province's figure
 * shows that for every unit, each further submission of a unit carries its previous value + 1, so the province
 * figure minus units × {@value #BASE} is the number of submissions applied. Only one submission of a (unit, period)
 * is in flight at a time, so intake's order of versions is the order of the values.
 */
final class CountingLoad {

    static final RegionCode PROVINCE = RegionCode.of("360000");
    static final long BASE = 1000;
    private static final Duration PRIMED = Duration.ofSeconds(180);
    private static final int PRIMING_ATTEMPTS = 5;
    private static final Duration STREAM_SETTLES = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One steady run: the latencies and what could not be measured. */
    record Run(long[] latenciesMicros, long sent, long accepted, long notApplied, long skipped, long refused) {
        double percentileMs(double fraction) {
            return Figure.percentile(latenciesMicros, fraction) / 1000;
        }
    }

    /** The form a load sends: {@value BenchSubmissions#VALUES} values, or the whole form. */
    enum Form { SHORT, WHOLE }

    /** A burst: its 202s' rate and how long after the last one the province figure had counted every submission. */
    record Burst(long sent, long accepted, double perSecond, double completeAfterLastMs, boolean complete) {
    }

    private final Settings settings;
    private final RegionRegistry regions;
    private final BenchSubmissions submissions;
    private final Map<Region, String> tokens = new ConcurrentHashMap<>();
    /** By form, unit and the raise of the whole form's values ({@link BenchSubmissions#fullFormTemplate}). */
    private final Map<String, String> templates = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Per period: the province figure's count over time. */
    private final Map<PeriodCode, List<CountingCurves.Observation>> figure = new ConcurrentHashMap<>();
    /** Per (unit, period): its last accepted value above {@link #BASE}. */
    private final Map<String, Long> counted = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    CountingLoad(Settings settings, RegionRegistry regions, BenchSubmissions submissions) {
        this.settings = settings;
        this.regions = regions;
        this.submissions = submissions;
    }

    List<Region> units(PeriodCode period) {
        return regions.reportingUnitsUnder(PROVINCE, period);
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
            if (!change.path("region").asText().equals(PROVINCE.value()) || !"ACTUAL".equalsIgnoreCase(change.path("kind").asText())
                    || !"RECEIVED".equalsIgnoreCase(change.path("basis").asText()) || change.path("value").isNull()) {
                return;
            }
            PeriodCode period = PeriodCode.of(change.path("period").asText());
            List<CountingCurves.Observation> curve = figure.get(period);
            if (curve != null) {
                long count = change.path("value").decimalValue().longValueExact() - BASE * units(period).size();
                synchronized (curve) {
                    curve.add(new CountingCurves.Observation(now, count));
                }
            }
        } catch (Exception e) {
            Log.step("bench", "unreadable change " + data + ": " + e.getMessage());
        }
    }

    /** Every unit sends {@link #BASE} for each period, 8 at a time; then waits until the province figure shows it. */
    void prime(List<PeriodCode> periods, Form form) throws Exception {
        periods.forEach(period -> figure.put(period, new ArrayList<>()));   // what the stream said before is of no use
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger refused = new AtomicInteger();
        for (PeriodCode period : periods) {
            for (Region unit : units(period)) {
                pool.submit(() -> {
                    // a busy intake may answer 503 (retry later): counting needs every unit, so it is asked again
                    for (int attempt = 1; attempt <= PRIMING_ATTEMPTS; attempt++) {
                        if (send(unit, form, 0, period, BASE)) {
                            counted.put(series(unit, period), 0L);
                            return null;
                        }
                        Thread.sleep(1000L * attempt);
                    }
                    refused.incrementAndGet();
                    return null;
                });
            }
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " priming submissions were not accepted: counting needs every unit");
        }
        for (PeriodCode period : periods) {
            awaitPrimed(period);
        }
    }

    /**
     * Until the served figure counts 0 (exactly: a figure above it, from an earlier run, passes through larger counts
     * on its way down). Read from the figure endpoint, since a figure that already held every unit's {@link #BASE}
     * does not change and the stream then says nothing; a moment is left for the stream's last changes to arrive.
     */
    private void awaitPrimed(PeriodCode period) throws Exception {
        URI uri = URI.create(settings.dashboard() + "/api/v1/aggregates/" + BenchSubmissions.TRACKED.value()
                + "?region=" + PROVINCE.value() + "&period=" + period.value());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + settings.token(PROVINCE.value(), Role.ANALYST)).build();
        long until = System.nanoTime() + PRIMED.toNanos();
        long expected = BASE * units(period).size();
        JsonNode served = null;
        while (System.nanoTime() < until) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            served = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
            if (served != null && served.path("value").isNumber() && served.path("value").decimalValue().longValueExact() == expected) {
                // the stream may still be delivering the priming's changes: its count is the one the runs start from
                Thread.sleep(STREAM_SETTLES.toMillis());
                List<CountingCurves.Observation> curve = figure.get(period);
                synchronized (curve) {
                    if (curve.isEmpty()) {
                        curve.add(new CountingCurves.Observation(System.nanoTime(), 0));   // the figure did not change
                    }
                }
                if (awaitExactly(period, Duration.ofNanos(Math.max(0, until - System.nanoTime())))) {
                    return;
                }
                break;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the province figure of " + period + " did not show every unit's " + BASE
                + " within " + PRIMED.toSeconds() + " s (served: " + served + "; the stream's count " + count(period) + ")");
    }

    /** Open loop: {@code perSecond} submissions, round robin over the units and periods, each series one at a time. */
    Run steady(int perSecond, Duration length, List<PeriodCode> periods, Duration drain) throws InterruptedException {
        Map<PeriodCode, Long> startCount = new HashMap<>();
        periods.forEach(period -> startCount.put(period, count(period)));
        OpenLoop load = new OpenLoop(periods);
        long started = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(load, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
        Thread.sleep(length.toMillis());
        ticker.shutdownNow();
        long until = System.nanoTime() + drain.toNanos();
        while (!load.inFlight.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        for (PeriodCode period : periods) {
            awaitCount(period, startCount.get(period) + load.accepted.get(period).size(), Duration.ofNanos(Math.max(0, until - System.nanoTime())));
        }
        List<Long> latencies = new ArrayList<>();
        long acceptedTotal = 0;
        long notApplied = 0;
        for (PeriodCode period : periods) {
            List<Long> times;
            synchronized (load.accepted.get(period)) {
                times = List.copyOf(load.accepted.get(period));
            }
            for (long micros : CountingCurves.latenciesMicros(times, observationsAfter(period, startCount.get(period), started))) {
                latencies.add(micros);
            }
            acceptedTotal += times.size();
            notApplied += Math.max(0, times.size() - (count(period) - startCount.get(period)));
        }
        return new Run(latencies.stream().mapToLong(Long::longValue).toArray(), load.sent.get(), acceptedTotal,
                notApplied, load.skipped.get(), load.refused.get());
    }

    /** One tick of the open loop: the next series with nothing in flight sends its next value. */
    private final class OpenLoop implements Runnable {
        private final List<PeriodCode> periods;
        private final List<Region> units;
        private final Map<PeriodCode, List<Long>> accepted = new HashMap<>();
        private final Map<String, Boolean> inFlight = new ConcurrentHashMap<>();
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private long cursor;

        /** Over the units of every period (the same number in each: a unit renamed is replaced by its successor). */
        OpenLoop(List<PeriodCode> periods) {
            this.periods = periods;
            this.units = units(periods.get(0));
            periods.forEach(period -> accepted.put(period, new ArrayList<>()));
        }

        @Override
        public void run() {
            try {
                for (int tried = 0; tried < units.size() * periods.size(); tried++) {
                    long n = cursor++;
                    PeriodCode period = periods.get((int) ((n / units.size()) % periods.size()));
                    List<Region> ofPeriod = units(period);
                    Region unit = ofPeriod.get((int) (n % ofPeriod.size()));
                    String series = series(unit, period);
                    if (inFlight.putIfAbsent(series, true) == null) {
                        sent.incrementAndGet();
                        long value = BASE + counted.get(series) + 1;
                        submitAsync(unit, period, value, ok -> answered(series, period, value, ok));
                        return;
                    }
                }
                skipped.incrementAndGet();
            } catch (RuntimeException e) {
                // an exception would end the schedule silently
                Log.step("bench", "a tick failed: " + e);
            }
        }

        private void answered(String series, PeriodCode period, long value, boolean ok) {
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
        }
    }

    /**
     * {@code revisions} rounds of every unit's submission of {@code period} from {@code connections} connections as
     * fast as intake answers; a unit's next revision waits for its previous 202.
     */
    Burst burst(PeriodCode period, int revisions, int connections, Duration drain) throws Exception {
        long startCount = count(period);
        List<Region> units = units(period);
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
                    // each revision changes the form's other figures too, not only the counted one
                    if (send(unit, Form.WHOLE, revision + 1, period, value)) {
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
        long completeAt = firstReaching(period, startCount + accepted.get(), started);
        return new Burst(total, accepted.get(), accepted.get() / ((lastAccepted.get() - started) / 1e9),
                complete ? Math.max(0, completeAt - lastAccepted.get()) / 1e6 : Double.NaN, complete);
    }

    private long count(PeriodCode period) {
        List<CountingCurves.Observation> curve = figure.get(period);
        synchronized (curve) {
            return curve.isEmpty() ? Long.MIN_VALUE : curve.get(curve.size() - 1).count();
        }
    }

    /** The run's observations, counted from its start: earlier ones (the priming's way down included) are not its own. */
    private List<CountingCurves.Observation> observationsAfter(PeriodCode period, long startCount, long startNanos) {
        List<CountingCurves.Observation> curve = figure.get(period);
        synchronized (curve) {
            return curve.stream().filter(seen -> seen.nanos() >= startNanos)
                    .map(seen -> new CountingCurves.Observation(seen.nanos(), seen.count() - startCount))
                    .filter(seen -> seen.count() > 0).toList();
        }
    }

    private long firstReaching(PeriodCode period, long target, long startNanos) {
        List<CountingCurves.Observation> curve = figure.get(period);
        synchronized (curve) {
            return curve.stream().filter(seen -> seen.nanos() >= startNanos && seen.count() >= target).mapToLong(CountingCurves.Observation::nanos).findFirst().orElse(Long.MAX_VALUE);
        }
    }

    /** Until the stream's last word on the figure is a count of 0. */
    private boolean awaitExactly(PeriodCode period, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (count(period) != 0) {
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

    private HttpRequest request(Region unit, Form form, int raise, PeriodCode period, long value) {
        String key = "count-" + System.currentTimeMillis() + "-" + keys.incrementAndGet();
        String template = templates.computeIfAbsent(form + "|" + unit.code() + "|" + raise,
                k -> form == Form.SHORT ? submissions.requestTemplate(unit) : submissions.fullFormTemplate(unit, raise));
        String token = tokens.computeIfAbsent(unit, u -> settings.token(u.code().value(), Role.REPORTER));
        return HttpRequest.newBuilder(URI.create(settings.intake() + "/api/v1/submissions"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(BenchSubmissions.fill(template, key, period, value))).build();
    }

    private static boolean accepted(HttpResponse<String> response) {
        return response.statusCode() == 202 && !response.body().contains("NEEDS_EXPLANATION");
    }

    private boolean send(Region unit, Form form, int raise, PeriodCode period, long value) {
        try {
            HttpResponse<String> response = http.send(request(unit, form, raise, period, value), HttpResponse.BodyHandlers.ofString());
            if (!accepted(response)) {
                Log.step("bench", "not accepted: " + response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
            }
            return accepted(response);
        } catch (Exception e) {
            Log.step("bench", "not accepted: " + e);
            return false;
        }
    }

    private void submitAsync(Region unit, PeriodCode period, long value, Consumer<Boolean> done) {
        http.sendAsync(request(unit, Form.SHORT, 0, period, value), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> done.accept(error == null && accepted(response)));
    }
}
