package org.reportplatform.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The services' JVM settings as {@code deploy/base/platform/jvm.env} states them for every way the platform runs
 * (bin/platform, these launchers, Kubernetes; docs/adr/0010): each service's heap limit, the collector, the bounds
 * of the memory outside the heap, and glibc's arena limit, which is an environment variable rather than an option.
 */
public final class JvmSettings {

    /** Relative to the repository root. */
    public static final String FILE = "deploy/base/platform/jvm.env";
    static final String COLLECTOR = "JVM_COLLECTOR";
    static final String OPTIONS = "JVM_OPTIONS";
    static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";

    private final Map<String, String> values;

    private JvmSettings(Map<String, String> values) {
        this.values = values;
    }

    public static JvmSettings load(Path root) {
        try {
            return parse(Files.readAllLines(root.resolve(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the services' JVM settings " + root.resolve(FILE), e);
        }
    }

    /** {@code KEY=value} lines, as a Kustomize env file: blank lines and {@code #} comments skipped. */
    static JvmSettings parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(FILE + ": not a KEY=value line: " + line);
            }
            values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1).strip());
        }
        return new JvmSettings(values);
    }

    /** The options of {@code service}'s JVM, e.g. {@code -Xmx160m -XX:+UseSerialGC -Xms32m …}. */
    public List<String> options(String service) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + maxHeap(service));
        options.add(required(COLLECTOR));
        options.addAll(Arrays.asList(required(OPTIONS).split("\\s+")));
        return options;
    }

    /** What the service's process environment needs beside the options. */
    public Map<String, String> environment() {
        return Map.of(MALLOC_ARENA_MAX, required(MALLOC_ARENA_MAX));
    }

    /** The heap limit as the {@code -Xmx} value, e.g. {@code 160m}. */
    public String maxHeap(String service) {
        return required(heapKey(service));
    }

    /** {@code report-intake} → {@code REPORT_INTAKE_MAX_HEAP}. */
    public static String heapKey(String service) {
        return service.toUpperCase(Locale.ROOT).replace('-', '_') + "_MAX_HEAP";
    }

    private String required(String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(FILE + " has no " + key);
        }
        return value;
    }
}
