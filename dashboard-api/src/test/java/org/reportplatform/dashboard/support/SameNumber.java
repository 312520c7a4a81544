package org.reportplatform.dashboard.support;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.math.BigDecimal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Matches a JSON number by value, whatever type and scale the JSON reader gave it (500, 500.0, 87.50). Numbers of
 * more than 7 significant digits need {@link #exactNumbers()}: by default REST Assured reads decimals as floats.
 */
public final class SameNumber extends TypeSafeMatcher<Number> {

    private final BigDecimal expected;

    private SameNumber(BigDecimal expected) {
        this.expected = expected;
    }

    public static Matcher<Number> sameNumber(String expected) {
        return new SameNumber(new BigDecimal(expected));
    }

    /** The current REST Assured configuration, reading decimals as BigDecimal. */
    public static RestAssuredConfig exactNumbers() {
        return RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
    }

    @Override
    protected boolean matchesSafely(Number actual) {
        return new BigDecimal(actual.toString()).compareTo(expected) == 0;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("the number ").appendValue(expected);
    }
}
