package org.reportplatform.intake.extraction;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How exactly a report states a number: 约/近/余/多/左右 approximate, 以上/超过/不少于 at least, 不超过/以内 at most. */
public enum Qualifier {
    EXACT, APPROXIMATE, AT_LEAST, AT_MOST;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
