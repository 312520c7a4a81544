package org.reportplatform.intake.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;

/**
 * One indicator of a submission. The value is kept as sent, so that the validator names a number sent as text
 * ({@code "12"}) instead of Jackson coercing it or stopping at it; status and kind are matched exactly as written.
 *
 * @param value       a JSON number; null when absent or JSON null
 * @param status      {@code reported} (the default), {@code redacted} or {@code missing}; the last two carry no value
 * @param kind        {@code actual} (the default) or {@code target}: the unit's target for the period
 * @param explanation optional: why the value is what it is, for reviewers; a value that a soft rule flags needs one
 *                    for the submission to go through
 */
public record ValueRequest(String indicator, @JsonDeserialize(using = ExactValue.class) JsonNode value, String status,
                           String kind, String explanation) {

    /** The number sent, exactly as written (no double in between); null when none was, or not as a JSON number. */
    public BigDecimal number() {
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    /** True when something other than a JSON number or null was sent as the value: text, true, an object. */
    public boolean isValueNotANumber() {
        return value != null && !value.isNumber();
    }

    /** The status as sent, {@code reported} when none was; empty when it is not exactly one of the statuses. */
    public Optional<ValueStatus> resolvedStatus() {
        return resolved(status, ValueStatus.REPORTED, ValueStatus.values(), ValueStatus::json);
    }

    /** The kind as sent, {@code actual} when none was; empty when it is not exactly one of the kinds. */
    public Optional<ValueKind> resolvedKind() {
        return resolved(kind, ValueKind.ACTUAL, ValueKind.values(), ValueKind::json);
    }

    /** Exact: {@code "TARGET"} or {@code " target"} is a county system that writes something other than it thinks. */
    private static <T> Optional<T> resolved(String sent, T absent, T[] constants, Function<T, String> json) {
        if (sent == null) {
            return Optional.of(absent);
        }
        return Arrays.stream(constants).filter(constant -> json.apply(constant).equals(sent)).findFirst();
    }

    /** Reads a JSON number as the exact decimal written and anything else as the tree it is, for the validator to name. */
    public static final class ExactValue extends JsonDeserializer<JsonNode> {

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return DecimalNode.valueOf(parser.getDecimalValue());
            }
            return context.readTree(parser);
        }
    }
}
