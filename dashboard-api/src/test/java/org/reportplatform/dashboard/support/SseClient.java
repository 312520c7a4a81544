package org.reportplatform.dashboard.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.reportplatform.contracts.access.TestTokens;

/** Reads a Server-Sent Events stream the way a browser's EventSource does, line by line, with a real HTTP client. */
public final class SseClient implements AutoCloseable {

    /** One dispatched event; comments (heartbeats) are kept apart. */
    public record Event(String id, String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream, sending {@code lastEventId} as a reconnecting EventSource does, when there is one. */
    public static SseClient open(URI uri, Optional<String> lastEventId) throws Exception {
        // the province's analyst, as the other tests are signed in
        return open(uri, lastEventId, TestTokens.provinceWide());
    }

    /** The same, signed in with {@code token}. */
    public static SseClient open(URI uri, Optional<String> lastEventId, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        lastEventId.ifPresent(id -> request.header("Last-Event-ID", id));
        CompletableFuture<HttpResponse<Stream<String>>> sending = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        return new SseClient(sending.get(30, TimeUnit.SECONDS));
    }

    public int status() {
        return response.statusCode();
    }

    public Optional<String> contentType() {
        return header("Content-Type");
    }

    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The next event, or null after {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next comment line's text, or null after {@code timeout}. */
    public String nextComment(Duration timeout) throws InterruptedException {
        return comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else {
                    String field = line.contains(":") ? line.substring(0, line.indexOf(':')) : line;
                    String value = line.contains(":") ? stripOneSpace(line.substring(line.indexOf(':') + 1)) : "";
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                        default -> {
                            // retry and unknown fields do not matter here
                        }
                    }
                }
            }
        } catch (RuntimeException closed) {
            // the stream ends when the test closes it
        }
    }

    private static String stripOneSpace(String value) {
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
