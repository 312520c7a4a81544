package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.reportplatform.intake.Submissions.post;
import static org.reportplatform.intake.Submissions.submission;
import static org.reportplatform.intake.Submissions.value;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reportplatform.contracts.access.AuthenticatedRequests;
import org.reportplatform.contracts.access.TestTokens;
import org.reportplatform.contracts.problem.Problem;
import org.reportplatform.intake.Submissions.StoredRows;

/** Requests refused before validation: every one answered with problem+json, never a 500, nothing stored. */
@QuarkusTest
class HttpErrorsTest {

    private static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Header CHINESE = new Header("Accept-Language", "zh-CN");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource(Submissions.PATH)
    URI submissions;

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"submissionKey\": ", null),
                Arguments.of("not JSON", "submissionKey=k", null),
                Arguments.of("an array", "[]", null),
                Arguments.of("empty body", "", null),
                Arguments.of("JSON null", "null", null),
                Arguments.of("NaN", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "NaN")), "values[0]"),
                Arguments.of("Infinity", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "-Infinity")), "values[0]"),
                Arguments.of("exponent beyond BigDecimal", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "1e9999999999")), "values[0].value"),
                Arguments.of("number of 2000 digits", submission("k", "360722", "edu_annual", "2020", value("edu_school_count", "9".repeat(2000))), "values[0]"),
                Arguments.of("values not a list", """
                        {"submissionKey": "k", "values": "many"}""", "values"),
                Arguments.of("key an object", """
                        {"submissionKey": {"id": 1}}""", "submissionKey"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void unreadableBodiesAreBadRequests(String what, String body, String field) {
        StoredRows before = StoredRows.count();

        var problem = post(body).then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:report-platform:problem:malformed-json"))
                .extract().jsonPath();

        assertThat(problem.getList("errors.field")).isEqualTo(field == null ? null : List.of(field));
        assertThat(problem.getString("detail")).doesNotContain("org.reportplatform", "com.fasterxml");
        assertThat(StoredRows.count()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        StoredRows before = StoredRows.count();
        given().contentType(ContentType.TEXT).body("edu_school_count=329").post(Submissions.PATH)
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE).body("status", equalTo(415));
        assertThat(StoredRows.count()).isEqualTo(before);
    }

    @Test
    void anUnsupportedMethodIsNotAllowed() {
        given().delete(Submissions.PATH).then().statusCode(405).contentType(Problem.MEDIA_TYPE).body("status", equalTo(405));
    }

    @Test
    void anUnknownPathIsNotFound() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        StoredRows before = StoredRows.count();

        String response = announceOverTheLimit("");

        assertThat(response).startsWith("HTTP/1.1 413 ");
        assertThat(response.toLowerCase(Locale.ROOT)).contains("content-type: " + Problem.MEDIA_TYPE);
        assertThat(response).contains("\"status\":413", "at most " + MAX_BODY_BYTES + " bytes");
        assertThat(StoredRows.count()).isEqualTo(before);
    }

    @Test
    void everyRefusalIsInChineseWhenTheRequestPrefersIt() throws Exception {
        given().header(CHINESE).contentType(ContentType.JSON).body("{\"submissionKey\": ").post(Submissions.PATH)
                .then().statusCode(400).body("title", equalTo("JSON 格式错误")).body("detail", startsWith("请求体不是有效的 JSON："));
        given().header(CHINESE).contentType(ContentType.JSON).body("{\"submissionKey\": {\"id\": 1}}").post(Submissions.PATH)
                .then().statusCode(400).body("detail", equalTo("有字段的类型不对"))
                .body("errors[0].field", equalTo("submissionKey")).body("errors[0].message", startsWith("类型不对："));
        given().header(CHINESE).get("/api/v1/nothing-here")
                .then().statusCode(404).body("title", equalTo("未找到")).body("detail", equalTo("此路径下没有资源"));
        given().header(CHINESE).delete(Submissions.PATH)
                .then().statusCode(405).body("title", equalTo("不支持的方法")).body("detail", equalTo("此资源不支持该请求方法"));
        given().header(CHINESE).contentType(ContentType.TEXT).body("edu_school_count=329").post(Submissions.PATH)
                .then().statusCode(415).body("title", equalTo("不支持的内容类型"));
        given().header(CHINESE).header(AuthenticatedRequests.ANONYMOUS, "yes").get(Submissions.PATH)
                .then().statusCode(401).body("title", equalTo("未认证"));
        assertThat(announceOverTheLimit("Accept-Language: zh-CN\r\n"))
                .startsWith("HTTP/1.1 413 ").contains("\"title\":\"请求体过大\"", "请求体最多 " + MAX_BODY_BYTES + " 字节");
    }

    /** Only the headers are sent: the answer must come before any byte of the body. */
    private String announceOverTheLimit(String extraHeaders) throws Exception {
        try (Socket socket = new Socket(submissions.getHost(), submissions.getPort())) {
            socket.setSoTimeout(10_000);
            String headers = "POST " + Submissions.PATH + " HTTP/1.1\r\n"
                    + "Host: " + submissions.getAuthority() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + extraHeaders
                    + "Content-Length: " + (MAX_BODY_BYTES + 1) + "\r\n\r\n";
            socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
            // the server closes the connection after answering, as the body it announced will not be read
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileItIsRead() throws Exception {
        StoredRows before = StoredRows.count();
        byte[] body = oversizedBody();
        // a stream of unknown length is sent chunked, without a Content-Length
        HttpRequest request = HttpRequest.newBuilder(submissions)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.reporter("360722"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(response.body()).contains("\"status\":413", "at most " + MAX_BODY_BYTES + " bytes");
        assertThat(StoredRows.count()).isEqualTo(before);
    }

    /** A well-formed submission just over the limit: only its size is wrong, and little of it stays unread. */
    private static byte[] oversizedBody() {
        String padding = " ".repeat(MAX_BODY_BYTES);
        return submission("big", "360722", "edu_annual", "2020", value("edu_school_count", "1") + padding)
                .getBytes(StandardCharsets.UTF_8);
    }
}
