package org.reportplatform.dashboard.support;

import java.math.BigDecimal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a JSON number by value, whatever type and scale the JSON reader gave it (500, 500.0, 87.50). */
public final class SameNumber extends TypeSafeMatcher<Number> {

    private final BigDecimal expected;

    private SameNumber(BigDecimal expected) {
        this.expected = expected;
    }

    public static Matcher<Number> sameNumber(String expected) {
        return new SameNumber(new BigDecimal(expected));
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
