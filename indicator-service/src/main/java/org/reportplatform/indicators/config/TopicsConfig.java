package org.reportplatform.indicators.config;

import io.smallrye.config.ConfigMapping;

/** The platform's topic names, declared once in contracts' {@code META-INF/microprofile-config.properties}. */
@ConfigMapping(prefix = "platform.topics")
public interface TopicsConfig {

    /** County submissions, keyed by region code. */
    String submissions();

    /** Indicator aggregates of every level, keyed {@code indicator|region|period}; compacted. */
    String aggregates();

    /** Submissions indicator-service cannot apply, as they came, with {@code dlq.*} headers saying why. */
    String deadLetters();
}
