package org.reportplatform.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.reportplatform.intake.Submissions.post;
import static org.reportplatform.intake.Submissions.submission;
import static org.reportplatform.intake.Submissions.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reportplatform.intake.Submissions.StoredRows;

/** Simultaneous requests: the key lock and the series lock keep keys unique and versions distinct, without a 500. */
@QuarkusTest
class ConcurrentSubmissionTest {

    private static final int CLIENTS = 8;

    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void simultaneousReplaysStoreOneSubmission() throws Exception {
        StoredRows before = StoredRows.count();
        String body = submission("huichang-edu-2020", "360733", "edu_annual", "2020", value("edu_school_count", "77"));

        List<Response> responses = all(i -> body);

        assertThat(responses).extracting(Response::statusCode).containsOnly(200, 202).containsOnlyOnce(202);
        assertThat(responses).extracting(r -> r.jsonPath().getString("id")).containsOnly(responses.get(0).jsonPath().getString("id"));
        assertThat(StoredRows.count()).isEqualTo(new StoredRows(before.submissions() + 1, before.outboxEvents() + 1));
    }

    @Test
    void simultaneousRevisionsGetDistinctVersions() throws Exception {
        List<Response> responses = all(i -> submission("xunwu-edu-2020-" + i, "360734", "edu_annual", "2020", value("edu_school_count", String.valueOf(i))));

        assertThat(responses).extracting(Response::statusCode).containsOnly(202);
        assertThat(responses).extracting(r -> r.jsonPath().getInt("version"))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, CLIENTS).boxed().toList());
        List<String> statuses = given()
                .queryParam("region", "360734").queryParam("dataset", "edu_annual").queryParam("period", "2020")
                .get(Submissions.PATH).jsonPath().getList("status");
        assertThat(statuses).hasSize(CLIENTS).containsOnlyOnce("SUBMITTED").first().isEqualTo("SUBMITTED");
    }

    @Test
    void simultaneousUseOfOneKeyForDifferentSeriesStoresOne() throws Exception {
        // different counties, so the series lock does not order them: the key lock does
        String[] counties = {"360702", "360703", "360704", "360729", "360730", "360731", "360735", "360781"};
        List<Response> responses = all(i -> submission("shared-key-2020", counties[i], "edu_annual", "2020", value("edu_school_count", "5")));

        assertThat(responses).extracting(Response::statusCode).containsOnly(202, 409).containsOnlyOnce(202);
    }

    /** Sends CLIENTS requests at once, the body of each made from its number. */
    private List<Response> all(IntFunction<String> body) throws Exception {
        List<Callable<Response>> requests = IntStream.range(0, CLIENTS)
                .mapToObj(i -> (Callable<Response>) () -> post(body.apply(i)))
                .toList();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> response : clients.invokeAll(requests)) {
            responses.add(response.get());
        }
        return responses;
    }
}
