package org.reportplatform.intake;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.reportplatform.intake.domain.OutboxEvent;
import org.reportplatform.intake.domain.Submission;

/** Request bodies written as JSON text, so that tests can send exactly what a county system might, nulls and all. */
final class Submissions {

    static final String PATH = "/api/v1/submissions";

    private Submissions() {
    }

    /** A submission body; {@code values} are JSON objects from {@link #value}. Null strings become JSON null. */
    static String submission(String key, String region, String dataset, String period, String... values) {
        return """
                {"submissionKey": %s, "region": %s, "dataset": %s, "period": %s, "values": [%s]}"""
                .formatted(quote(key), quote(region), quote(dataset), quote(period), String.join(", ", values));
    }

    /** A value; {@code number} is a raw JSON token: 329, -1, 1e999999, null. */
    static String value(String indicator, String number) {
        return """
                {"indicator": %s, "value": %s}""".formatted(quote(indicator), number);
    }

    static String value(String indicator, String number, String status) {
        return """
                {"indicator": %s, "value": %s, "status": %s}""".formatted(quote(indicator), number, quote(status));
    }

    /** A target: what the unit aims to reach in the period. */
    static String target(String indicator, String number) {
        return """
                {"indicator": %s, "value": %s, "kind": "target"}""".formatted(quote(indicator), number);
    }

    /** A reported value with the county's explanation of it. */
    static String explained(String indicator, String number, String explanation) {
        return """
                {"indicator": %s, "value": %s, "explanation": %s}""".formatted(quote(indicator), number, quote(explanation));
    }

    /** The submission body with the date it was originally reported: history the province loads. */
    static String reportedAt(String submission, String instant) {
        return submission.substring(0, submission.lastIndexOf('}')) + ", \"reportedAt\": " + quote(instant) + "}";
    }

    static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(PATH);
    }

    static String quote(String text) {
        return text == null ? "null" : '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Rows in submission and outbox_event: what a rejected request must leave unchanged. */
    record StoredRows(long submissions, long outboxEvents) {
        static StoredRows count() {
            return QuarkusTransaction.requiringNew().call(() -> new StoredRows(Submission.count(), OutboxEvent.count()));
        }
    }
}
