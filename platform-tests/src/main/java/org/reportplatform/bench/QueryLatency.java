package org.reportplatform.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.reportplatform.contracts.access.Role;

/**
 * Item 4: dashboard-api's answers for a province under concurrent load (wrk), beside the same answers computed on the
 * fly with GROUP BY over the raw county values in intake's database, as a user with PostgreSQL and a BI tool would.
 */
final class QueryLatency {

    static final String SECTION = "4. Query latency";
    static final int CONCURRENCY = 8;
    private static final String PROVINCE = "360000";
    private static final String PROVINCE_PREFIX = "36%";
    private static final String INDICATOR = BenchSubmissions.TRACKED.value();
    private static final String YEAR = "2020";
    private static final String YEAR_BEFORE = "2019";
    private static final List<String> TREND_YEARS = List.of("2011", "2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020");

    /** One question, asked of dashboard-api (a path) and of the raw values (SQL with its parameters). */
    record Query(String name, String path, String sql, List<Object> parameters) {
    }

    /** Rates (per second) and latencies (ms) of one run. */
    record Run(double perSecond, double p50Ms, double p99Ms) {
    }

    static final List<Query> QUERIES = List.of(
            new Query("region figure",
                    "/api/v1/aggregates/" + INDICATOR + "?region=" + PROVINCE + "&period=" + YEAR,
                    // the figure and the year before it, as the API's answer carries both
                    """
                    SELECT s.period, sum(v.value), count(*) FILTER (WHERE v.status = 'REPORTED'), count(*) FILTER (WHERE v.status <> 'REPORTED')
                      FROM submission s JOIN submission_value v ON v.submission_id = s.id
                     WHERE s.status = 'SUBMITTED' AND s.region LIKE ? AND s.period IN (?, ?) AND v.indicator = ? AND v.kind = 'ACTUAL'
                     GROUP BY s.period""",
                    List.of(PROVINCE_PREFIX, YEAR, YEAR_BEFORE, INDICATOR)),
            new Query("children breakdown",
                    "/api/v1/aggregates/" + INDICATOR + "/children?region=" + PROVINCE + "&period=" + YEAR,
                    """
                    SELECT left(s.region, 4) AS city, s.period, sum(v.value), count(*) FILTER (WHERE v.status = 'REPORTED')
                      FROM submission s JOIN submission_value v ON v.submission_id = s.id
                     WHERE s.status = 'SUBMITTED' AND s.region LIKE ? AND s.period IN (?, ?) AND v.indicator = ? AND v.kind = 'ACTUAL'
                     GROUP BY 1, 2 ORDER BY 3 DESC""",
                    List.of(PROVINCE_PREFIX, YEAR, YEAR_BEFORE, INDICATOR)),
            new Query("completeness",
                    "/api/v1/completeness?dataset=" + BenchSubmissions.FORM.value() + "&period=" + YEAR + "&region=" + PROVINCE,
                    """
                    SELECT left(region, 4) AS city, count(*) AS received, count(*) FILTER (WHERE first_at <= ?) AS on_time
                      FROM (SELECT region, min(received_at) AS first_at FROM submission
                             WHERE dataset = ? AND period = ? AND region LIKE ? AND status <> 'NEEDS_EXPLANATION'
                             GROUP BY region) AS unit
                     GROUP BY 1""",
                    List.of(Timestamp.from(LocalDate.of(2021, 2, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()),
                            BenchSubmissions.FORM.value(), YEAR, PROVINCE_PREFIX)),
            new Query("10-period trend",
                    "/api/v1/aggregates/" + INDICATOR + "/trend?region=" + PROVINCE + "&from=" + TREND_YEARS.get(0) + "&to=" + YEAR,
                    """
                    SELECT s.period, sum(v.value), count(*) FILTER (WHERE v.status = 'REPORTED')
                      FROM submission s JOIN submission_value v ON v.submission_id = s.id
                     WHERE s.status = 'SUBMITTED' AND s.region LIKE ? AND s.period = ANY (?) AND v.indicator = ? AND v.kind = 'ACTUAL'
                     GROUP BY s.period""",
                    List.of(PROVINCE_PREFIX, TREND_YEARS, INDICATOR)));

    private final Settings settings;
    private final Wrk wrk;
    private final String token;

    QueryLatency(Settings settings) {
        this.settings = settings;
        this.wrk = new Wrk(settings.wrk(), settings.scripts());
        this.token = settings.token(PROVINCE, Role.ANALYST);
    }

    Run api(Query query, Duration length) throws Exception {
        Wrk.Result result = wrk.run("report.lua", settings.dashboard() + query.path(), CONCURRENCY, length,
                List.of("Authorization: Bearer " + token), Map.of());
        if (result.errors() > 0) {
            Log.step(SECTION, query.name() + ": " + result.errors() + " errors of " + result.requests() + " requests");
        }
        return new Run(result.goodPerSecond(), result.p50Ms(), result.p99Ms());
    }

    Run sql(Query query, Duration length) throws Exception {
        Instant deadline = Instant.now().plus(length);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        List<Future<List<Long>>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < CONCURRENCY; t++) {
            workers.add(pool.submit(() -> {
                List<Long> micros = new ArrayList<>();
                try (Connection c = DriverManager.getConnection(settings.jdbcUrl(settings.intakeDb()), settings.dbUser(), settings.dbPassword());
                     PreparedStatement statement = c.prepareStatement(query.sql())) {
                    for (int i = 0; i < query.parameters().size(); i++) {
                        Object parameter = query.parameters().get(i);
                        if (parameter instanceof List<?> list) {
                            statement.setArray(i + 1, c.createArrayOf("varchar", list.toArray()));
                        } else {
                            statement.setObject(i + 1, parameter);
                        }
                    }
                    while (Instant.now().isBefore(deadline)) {
                        long start = System.nanoTime();
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) {
                                rows.getObject(1);
                            }
                        }
                        micros.add((System.nanoTime() - start) / 1000);
                    }
                }
                return micros;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] samples = all.stream().mapToLong(Long::longValue).toArray();
        return new Run(samples.length / seconds, Figure.percentile(samples, 0.5) / 1000, Figure.percentile(samples, 0.99) / 1000);
    }
}
