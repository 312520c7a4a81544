package org.reportplatform.dashboard.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reportplatform.dashboard.live.LiveConfig;

/** Counts the open live streams, in all and per token, so that neither exceeds its cap (docs/adr/0019). */
@ApplicationScoped
class OpenStreams {

    /** Refused: as many streams are open as allowed. */
    static final class TooManyStreams extends RuntimeException {

        private final boolean perToken;

        TooManyStreams(boolean perToken, String detail) {
            super(detail, null, false, false);
            this.perToken = perToken;
        }

        boolean perToken() {
            return perToken;
        }
    }

    private final LiveConfig config;
    private final Map<String, Integer> perToken = new HashMap<>();
    private int total;

    OpenStreams(LiveConfig config) {
        this.config = config;
    }

    /** Counts a stream of {@code token}'s caller; the returned action uncounts it. */
    synchronized Runnable open(String token) {
        int ofToken = perToken.getOrDefault(token, 0);
        if (ofToken >= config.maxStreamsPerToken()) {
            throw new TooManyStreams(true, ofToken + " streams are open with this token, the most allowed");
        }
        if (total >= config.maxStreams()) {
            throw new TooManyStreams(false, total + " streams are open, the most this service serves");
        }
        perToken.put(token, ofToken + 1);
        total++;
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                close(token);
            }
        };
    }

    private synchronized void close(String token) {
        perToken.computeIfPresent(token, (name, open) -> open == 1 ? null : open - 1);
        total--;
    }
}
