package org.reportplatform.dashboard.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.reportplatform.contracts.access.TestTokens;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.support.AggregatePublisher;
import org.reportplatform.dashboard.support.Events;
import org.reportplatform.dashboard.support.TestTopicsResource;

/**
 * Fifty stream clients that never read while figures keep arriving (docs/adr/0019), measured in rounds of the same
 * load: the service's heap stays bounded and, once they have fallen behind, the other requests' p99 stays within twice
 * what it is without them; each client that fell behind is told to reload. The round in which they fall behind costs
 * what fifty clients that read would cost (the changes go out until the sockets' buffers are full); its p99 is printed,
 * not asserted. Indicator pty_org_count: no other test uses it.
 */
@QuarkusTest
@WithTestResource(TestTopicsResource.class)
class SlowStreamClientsTest {

    private static final int CLIENTS = 50;
    private static final int YEARS = 30;
    private static final String INDICATOR = "pty_org_count";
    /** Far below what the changes of a round would take if each stuck client kept them (≈ 50 × 3,000 events). */
    private static final long HEAP_BOUND = 64L << 20;
    /** Below this a p99 is timer and scheduler noise, not the service. */
    private static final Duration NOISE = Duration.ofMillis(5);

    /** Every wait of this test is bounded: a service that stops answering fails it instead of hanging the build. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PATIENCE).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Inject
    AggregatePublisher publisher;

    @Inject
    RegionRegistry regions;

    private int round;

    @Test
    void clientsThatNeverReadCostBoundedMemoryAndDoNotSlowOtherRequests() throws Exception {
        List<String> counties = regions.reportingUnitsUnder(RegionCode.of("360000")).stream()
                .map(region -> region.code().value()).limit(100).toList();
        load(counties); // warms up the paths measured
        Duration normalBefore = load(counties);
        long heapBefore = heapAfterGc();

        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(openWithoutReading(i));
            }
            Duration fallingBehind = load(counties);
            long heapFallenBehind = heapAfterGc();
            Duration withClients = load(counties);
            long heapWithClients = heapAfterGc();
            String firstClientReads = readAll(clients.get(0));

            for (Socket client : clients) {
                client.close();
            }
            Duration normalAfter = load(counties);
            Duration normal = max(max(normalBefore, normalAfter), NOISE);
            System.out.printf("SlowStreamClientsTest: p99 of figure requests %d ms without stream clients (before %d, after %d),"
                            + " %d ms with %d that never read (%d ms while they fell behind); heap after GC %d MB before,"
                            + " %d MB once they fell behind, %d MB a round later%n",
                    normal.toMillis(), normalBefore.toMillis(), normalAfter.toMillis(), withClients.toMillis(), CLIENTS,
                    fallingBehind.toMillis(), heapBefore >> 20, heapFallenBehind >> 20, heapWithClients >> 20);

            assertThat(heapFallenBehind - heapBefore).as("heap grown by clients that never read").isLessThan(HEAP_BOUND);
            assertThat(heapWithClients - heapBefore).as("heap grown by them a round later").isLessThan(HEAP_BOUND);
            assertThat(withClients).as("p99 with clients that never read").isLessThanOrEqualTo(normal.multipliedBy(2));
            assertThat(firstClientReads).as("a client that fell behind is told to reload").containsPattern("(?m)^event: ?reset$");
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    /** Publishes a change of every figure while timing figure requests; the p99 of those requests. */
    private Duration load(List<String> counties) throws Exception {
        round++;
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int year = 1961; year < 1961 + YEARS; year++) {
            for (String county : counties) {
                records.add(publisher.record(Events.county(INDICATOR, county, String.valueOf(year), String.valueOf(round))));
            }
        }
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            for (int from = 0; from < records.size(); from += 500) {
                publisher.sendTogether(records.subList(from, Math.min(records.size(), from + 500)));
            }
        });
        String last = counties.get(counties.size() - 1);
        HttpRequest figure = HttpRequest.newBuilder(base.resolve("/api/v1/aggregates/" + INDICATOR + "?region=" + last
                        + "&period=" + (1961 + YEARS - 1)))
                .header("Authorization", "Bearer " + TestTokens.provinceWide()).timeout(PATIENCE).build();
        List<Long> latencies = new ArrayList<>();
        boolean applied = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!applied || latencies.size() < 400) {
            assertThat(System.nanoTime()).as("round %d applied within 2 minutes", round).isLessThan(deadline);
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(figure, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - start);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode value = JSON.readTree(response.body()).get("value");
            applied = publishing.isDone() && value.isNumber() && value.decimalValue().compareTo(BigDecimal.valueOf(round)) == 0;
        }
        publishing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return Duration.ofNanos(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]);
    }

    /** A stream client with a small receive window that reads its response's status line and then nothing. */
    private Socket openWithoutReading(int client) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout((int) PATIENCE.toMillis());
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) PATIENCE.toMillis());
        // one token each: the cap per token is not what this test is about
        String token = TestTokens.issuer().issue("slow stream client " + client + "@360000", "360000",
                TestTokens.PROVINCE_WIDE, Duration.ofHours(1));
        socket.getOutputStream().write(("GET /api/v1/stream?region=360000&indicator=" + INDICATOR + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder status = new StringBuilder();
        for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
            status.append((char) c);
        }
        assertThat(status.toString()).startsWith("HTTP/1.1 200");
        return socket;
    }

    /**
     * What the client can read now: until the server ends the stream or stops sending for a few seconds, and at most
     * for {@link #PATIENCE}, since a stream that was not ended keeps sending heartbeats.
     */
    private static String readAll(Socket client) throws IOException {
        client.setSoTimeout(3000);
        StringBuilder read = new StringBuilder();
        byte[] buffer = new byte[65536];
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            for (int n = client.getInputStream().read(buffer); n != -1 && System.nanoTime() < deadline;
                 n = client.getInputStream().read(buffer)) {
                read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException quiet) {
            // all that was sent is read
        }
        return read.toString();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
