package org.reportplatform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Secrets an operator creates before applying deploy/, read from the table under "Operator-provided Secrets"
 * in deploy/README.md: a manifest may refer to a Secret that deploy/ does not define only when that table
 * documents it, with the key used.
 */
final class OperatorProvided {

    static final String HEADING = "## Operator-provided Secrets";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private OperatorProvided() {
    }

    /** Secret name → its keys. */
    static Map<String, Set<String>> secrets() {
        try {
            return parse(Files.readString(Overlay.DEPLOY.resolve("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Set<String>> parse(String readme) {
        int start = readme.indexOf(HEADING);
        if (start < 0) {
            throw new IllegalStateException("deploy/README.md has no section '" + HEADING + "'");
        }
        String section = readme.substring(start + HEADING.length());
        int next = section.indexOf("\n## ");
        section = next < 0 ? section : section.substring(0, next);
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            String[] cells = line.split("\\|");
            // | `name` | `key`, `key` | purpose |
            if (cells.length >= 3 && cells[1].trim().startsWith("`")) {
                Matcher name = CODE.matcher(cells[1]);
                if (name.find()) {
                    secrets.put(name.group(1), CODE.matcher(cells[2]).results().map(match -> match.group(1))
                            .collect(Collectors.toSet()));
                }
            }
        }
        return secrets;
    }
}
