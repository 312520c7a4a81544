package org.reportplatform.contracts.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One bad field of a request: where it is ({@code values[2].value}) and what is wrong with it, in English and, when
 * given, in Chinese. Only the language the request prefers goes on the wire, as {@code message}.
 */
public record FieldError(String field, String message, @JsonIgnore String messageZh) {

    /** A field error known in English only: shown in English to every caller. */
    public FieldError(String field, String message) {
        this(field, message, null);
    }

    /** This error as a caller of {@code language} reads it. */
    public FieldError in(Language language) {
        return new FieldError(field, language.pick(message, messageZh));
    }
}
