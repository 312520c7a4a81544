package org.reportplatform.dashboard.live;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The live stream's limits (docs/adr/0019). */
@ConfigMapping(prefix = "dashboard.live")
public interface LiveConfig {

    /** A comment line this often keeps proxies from closing an idle stream. */
    Duration heartbeat();

    /** Live changes held for one stream that its client has not read yet; beyond, the client gets a reset. */
    int bufferedChanges();

    /** A client further behind than this many records of the topic gets a reset instead of a replay. */
    long maxReplay();

    /** Streams open at once, all clients together. */
    int maxStreams();

    /** Streams open at once with one token. */
    int maxStreamsPerToken();

    /** What a client refused for too many streams is told to wait. */
    Duration retryAfter();
}
