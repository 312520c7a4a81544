package org.reportplatform.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.access.TestTokens;
import org.reportplatform.contracts.fuzz.Hostile;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.intake.Submissions.StoredRows;
import org.reportplatform.intake.domain.Extraction;

/**
 * Malformed and hostile requests to every endpoint of intake, {@value #DEFAULT_REQUESTS} each by default (system
 * property {@code fuzz.requests}): every answer is a 4xx problem+json, never a 5xx, and nothing is stored or published.
 * Each generated request carries at least one fault that makes it invalid, plus random hostile noise; the seed is
 * printed, so a failure can be replayed.
 */
@QuarkusTest
class FuzzTest {

    private static final int DEFAULT_REQUESTS = 10_000;
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String REPORTER = TestTokens.reporter("360722");
    private static final String PROVINCE = TestTokens.provinceWide();

    @TestHTTPResource("/")
    URI base;

    /** One request to send: method, path, content type (null for none), body bytes (null for none), token. */
    private record Attempt(String method, String path, String contentType, byte[] body, String token) {
    }

    @Test
    void everyHostileRequestIsRefusedAsAProblemAndLeavesNothingBehind() throws Exception {
        String submission = createSubmission();
        String extraction = createExtraction();
        StoredRows before = StoredRows.count();
        long extractions = extractionCount();
        Random random = new Random(SEED);

        Map<String, Function<Random, Attempt>> endpoints = new TreeMap<>();
        endpoints.put("POST /submissions", FuzzTest::hostileSubmission);
        endpoints.put("GET /submissions/{id}", r -> new Attempt("GET", "api/v1/submissions/" + hostileId(r), null, null, PROVINCE));
        endpoints.put("GET /submissions?series", FuzzTest::hostileHistory);
        endpoints.put("POST /submissions/{id}/transitions", r -> hostileTransition(r, submission));
        endpoints.put("GET /datasets/{code}", r -> new Attempt("GET", "api/v1/datasets/" + Hostile.encoded(r) + "x", null, null, PROVINCE));
        endpoints.put("POST /extractions", FuzzTest::hostileExtraction);
        endpoints.put("GET /extractions/{id}", r -> new Attempt("GET", "api/v1/extractions/" + hostileId(r), null, null, PROVINCE));
        endpoints.put("POST /extractions/{id}/draft", r -> hostileDraft(r, extraction));

        List<String> failures = new ArrayList<>();
        for (var endpoint : endpoints.entrySet()) {
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
                Attempt attempt = endpoint.getValue().apply(random);
                HttpResponse<String> response = send(attempt);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                boolean refused = response.statusCode() >= 400 && response.statusCode() < 500;
                boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE);
                if (!refused || !problem) {
                    failures.add(endpoint.getKey() + " answered " + response.statusCode() + " "
                            + response.body().substring(0, Math.min(300, response.body().length())) + " to "
                            + describe(attempt));
                }
            }
            System.out.printf("fuzz (seed %d): %s, %d requests: %s%n", SEED, endpoint.getKey(), REQUESTS, statuses);
        }

        assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
        assertThat(StoredRows.count()).as("submissions and outbox events").isEqualTo(before);
        assertThat(extractionCount()).as("extractions").isEqualTo(extractions);
    }

    private static Attempt hostileSubmission(Random random) {
        Map<String, String> fields = new TreeMap<>(Map.of(
                "submissionKey", Hostile.quote("fuzz-" + UUID.randomUUID()), "region", "\"360722\"",
                "dataset", "\"edu_annual\"", "period", "\"2021\"",
                "values", "[{\"indicator\": \"edu_school_count\", \"value\": 12}]"));
        String contentType = "application/json";
        // the fault that makes it invalid, whatever the noise does
        switch (random.nextInt(12)) {
            case 0 -> fields.put("region", pick(random, "\"999999\"", "\"36072\"", "\"360700\"", "\"360723\"",
                    Hostile.quote(Hostile.string(random) + "!"), "{}", "[]"));
            case 1 -> fields.put("values", "[{\"indicator\": " + pick(random, "\"edu_unicorn_count\"",
                    Hostile.quote(Hostile.string(random) + "!"), "{}", "[1]") + ", \"value\": 1}]");
            case 2 -> fields.put("values", "[{\"indicator\": \"edu_school_count\", \"value\": "
                    + pick(random, "-5", "\"twelve\"", "[]", "{}", "1e999999", "NaN", "123456789012345678901234567", "1.1234567")
                    + "}]");
            case 3 -> fields.put("period", pick(random, "\"2020Q5\"", "\"2099\"", "\"2021Q1\"", "\"1900\"",
                    Hostile.quote(Hostile.string(random) + "!")));
            case 4 -> fields.put("dataset", pick(random, "\"edu_monthly\"", Hostile.quote(Hostile.string(random) + "!"), "[]"));
            case 5 -> fields.put("submissionKey", pick(random, "\"a key\"", "\"'; DROP TABLE submission; --\"",
                    "\"" + "k".repeat(129) + "\"", "\"\"", "{}"));
            case 6 -> fields.put("values", pick(random, "[]", "null", "{}", "\"values\"", manyValues()));
            case 7 -> fields.put("values", "[{\"indicator\": \"edu_school_count\", \"value\": 12, \"kind\": "
                    + Hostile.quote(Hostile.string(random) + "?") + "}]");
            case 8 -> contentType = pick(random, "text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png");
            case 9 -> fields.put("values", "[{\"indicator\": \"edu_school_count\", \"value\": 12, \"status\": \"redacted\"}]");
            case 10 -> fields.put("region", "\"360722\", \"region\": \"360722\"");
            default -> fields.put("values", "[" + "[".repeat(1_200) + "]".repeat(1_200) + "]");
        }
        // noise in fields of its own, so that it never undoes the fault
        for (int noise = random.nextInt(3); noise > 0; noise--) {
            fields.put(pick(random, "explanation", "extra", "values2"), Hostile.jsonValue(random));
        }
        byte[] body = json(fields).getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(6)) {
            case 0 -> body = truncate(body, random);
            case 1 -> body = splice(body, Hostile.invalidUtf8(random), random);
            default -> { }
        }
        return new Attempt("POST", "api/v1/submissions", contentType, body, REPORTER);
    }

    private static Attempt hostileHistory(Random random) {
        String[] values = {"region=360722", "dataset=edu_annual", "period=2021"};
        int broken = random.nextInt(values.length);
        String name = values[broken].substring(0, values[broken].indexOf('='));
        values[broken] = random.nextBoolean() ? name + "=" + Hostile.encoded(random) + "%21" : "other=1";
        return new Attempt("GET", "api/v1/submissions?" + String.join("&", values), null, null, PROVINCE);
    }

    private static Attempt hostileTransition(Random random, String existing) {
        if (random.nextBoolean()) {
            String body = "{\"action\": \"approve\", \"actor\": \"fuzz\", \"role\": \"reviewer\"}";
            return new Attempt("POST", "api/v1/submissions/" + hostileId(random) + "/transitions", "application/json",
                    body.getBytes(StandardCharsets.UTF_8), PROVINCE);
        }
        Map<String, String> fields = new TreeMap<>(Map.of("action", "\"approve\"", "actor", "\"fuzz\"", "role", "\"reviewer\""));
        switch (random.nextInt(5)) {
            case 0 -> fields.put("action", Hostile.jsonValue(random).replace("approve", "x"));
            case 1 -> fields.put("role", pick(random, "\"province\"", "\"county\"", "null", Hostile.jsonValue(random)));
            case 2 -> fields.put("actor", pick(random, "\"\"", "\"a\\u0001b\"", "\"" + "x".repeat(200) + "\"", "[]", "{}"));
            case 3 -> fields.put("action", "\"return\"");
            default -> fields.put("action", "\"approve\", \"action\": \"approve\"");
        }
        byte[] body = json(fields).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) {
            body = truncate(body, random);
        }
        return new Attempt("POST", "api/v1/submissions/" + existing + "/transitions", "application/json", body, PROVINCE);
    }

    private static Attempt hostileExtraction(Random random) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.writeBytes("全县共有中小学校 32 所".getBytes(StandardCharsets.UTF_8));
        String contentType = "text/plain; charset=utf-8";
        switch (random.nextInt(5)) {
            case 0 -> text.writeBytes(Hostile.invalidUtf8(random));
            case 1 -> text.reset();
            case 2 -> text.writeBytes("\u0000".getBytes(StandardCharsets.UTF_8));
            case 3 -> contentType = pick(random, "text/plain; charset=gbk", "application/json", "image/png", null);
            default -> {
                text.reset();
                text.writeBytes(" \n\t　".repeat(1 + random.nextInt(50)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Attempt("POST", "api/v1/extractions", contentType, text.toByteArray(), REPORTER);
    }

    private static Attempt hostileDraft(Random random, String existing) {
        if (random.nextBoolean()) {
            return new Attempt("POST", "api/v1/extractions/" + hostileId(random) + "/draft?region=360722&dataset=edu_annual&period=2021",
                    null, null, PROVINCE);
        }
        String[] values = {"region=360722", "dataset=edu_annual", "period=2021"};
        int broken = random.nextInt(values.length);
        values[broken] = values[broken].substring(0, values[broken].indexOf('=') + 1) + Hostile.encoded(random) + "%21";
        return new Attempt("POST", "api/v1/extractions/" + existing + "/draft?" + String.join("&", values), null, null, PROVINCE);
    }

    /** Not the id of anything: a random UUID, or not a UUID at all. */
    private static String hostileId(Random random) {
        return random.nextBoolean() ? UUID.randomUUID().toString() : Hostile.encoded(random) + "%21";
    }

    private HttpResponse<String> send(Attempt attempt) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(attempt.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + attempt.token());
        if (attempt.contentType() != null) {
            request.header("Content-Type", attempt.contentType());
        }
        request.method(attempt.method(), attempt.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String createSubmission() {
        // a unit no other test uses: a stored year would otherwise change what the soft rules say of theirs
        return Submissions.post(Submissions.submission("fuzz-base-" + UUID.randomUUID(), "360783", "edu_annual", "2019",
                        Submissions.value("edu_school_count", "12")))
                .then().extract().jsonPath().getString("id");
    }

    private String createExtraction() throws Exception {
        HttpResponse<String> response = send(new Attempt("POST", "api/v1/extractions", "text/plain; charset=utf-8",
                "全县共有中小学校 32 所，在校生 1.2 万人。".getBytes(StandardCharsets.UTF_8), REPORTER));
        assertThat(response.statusCode()).isEqualTo(200);
        return io.restassured.path.json.JsonPath.from(response.body()).getString("id");
    }

    private static long extractionCount() {
        return QuarkusTransaction.requiringNew().call(() -> Extraction.count());
    }

    private static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, value) -> out.append(out.length() > 1 ? ", " : "").append('"').append(name).append("\": ").append(value));
        return out.append('}').toString();
    }

    private static String manyValues() {
        StringBuilder values = new StringBuilder("[");
        for (int i = 0; i < 501; i++) {
            values.append(i > 0 ? "," : "").append("{\"indicator\": \"edu_school_count\", \"value\": ").append(i).append('}');
        }
        return values.append(']').toString();
    }

    private static byte[] truncate(byte[] body, Random random) {
        byte[] cut = new byte[1 + random.nextInt(body.length - 1)];
        System.arraycopy(body, 0, cut, 0, cut.length);
        return cut;
    }

    private static byte[] splice(byte[] body, byte[] inserted, Random random) {
        // inside the first string value, so that a parser must decode the bytes
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf(": \"") + 3;
        at = at < 3 ? random.nextInt(body.length) : at;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(inserted);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String describe(Attempt attempt) {
        String body = attempt.body() == null ? "" : new String(attempt.body(), StandardCharsets.UTF_8);
        return attempt.method() + " /" + attempt.path() + " [" + attempt.contentType() + "] "
                + body.substring(0, Math.min(300, body.length()));
    }
}
