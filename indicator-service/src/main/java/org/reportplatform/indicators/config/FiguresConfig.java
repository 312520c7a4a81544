package org.reportplatform.indicators.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often the figures a submission changed are published (docs/adr/0018). */
@ConfigMapping(prefix = "indicator.figures")
public interface FiguresConfig {

    /**
     * The wall-clock interval at which every figure changed since the last emission is published once. With
     * commit.interval.ms equal to it, a figure is published about once per commit however many submissions touch it.
     */
    @WithDefault("200ms")
    Duration emitInterval();
}
