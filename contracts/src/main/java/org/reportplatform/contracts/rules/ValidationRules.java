package org.reportplatform.contracts.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.rules.ValidationRule.NotAbove;

/**
 * The validation rules of {@code reference/rules.json}, checked against the catalogue when loaded: a rule that names
 * an unknown indicator, or two indicators no form holds together, would never apply and is refused.
 */
public final class ValidationRules {

    private static final String RULES = "reference/rules.json";
    private static final Pattern ID_FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_ID_LENGTH = 64;

    private final List<ValidationRule> rules;

    public ValidationRules(List<ValidationRule> rules, Catalogue catalogue) {
        this.rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (ValidationRule rule : rules) {
            checkCommonFields(rule);
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule id listed twice: " + rule.id());
            }
        }
        of(NotAbove.class).forEach(rule -> checkIndicators(rule, catalogue));
    }

    public static ValidationRules load(Catalogue catalogue) {
        try (InputStream in = ValidationRules.class.getClassLoader().getResourceAsStream(RULES)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RULES);
            }
            return new ValidationRules(new ObjectMapper().readValue(in, new TypeReference<List<ValidationRule>>() {}), catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RULES, e);
        }
    }

    /** Every rule, in the order of the file. */
    public List<ValidationRule> all() {
        return rules;
    }

    /** The rules of one kind of check, e.g. {@code of(NotAbove.class)}. */
    public <T extends ValidationRule> List<T> of(Class<T> kind) {
        return rules.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static void checkCommonFields(ValidationRule rule) {
        if (rule.id() == null || rule.id().length() > MAX_ID_LENGTH || !ID_FORMAT.matcher(rule.id()).matches()) {
            throw new IllegalArgumentException("a rule id is lower-case words joined by hyphens, at most "
                    + MAX_ID_LENGTH + " characters: " + rule.id());
        }
        if (rule.severity() == null) {
            throw new IllegalArgumentException(rule.id() + ": severity is required, hard or soft");
        }
        if (rule.message() == null || rule.message().isBlank()) {
            throw new IllegalArgumentException(rule.id() + ": message is required");
        }
    }

    private static void checkIndicators(NotAbove rule, Catalogue catalogue) {
        for (IndicatorCode code : List.of(rule.left(), rule.right())) {
            if (catalogue.indicator(code).isEmpty()) {
                throw new IllegalArgumentException(rule.id() + " names unknown indicator " + code);
            }
        }
        boolean reportedTogether = catalogue.datasets().stream()
                .anyMatch(dataset -> dataset.contains(rule.left()) && dataset.contains(rule.right()));
        if (!reportedTogether) {
            throw new IllegalArgumentException(rule.id() + ": no form holds both " + rule.left() + " and " + rule.right());
        }
    }
}
