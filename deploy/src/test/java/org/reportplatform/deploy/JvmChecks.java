package org.reportplatform.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every service runs with the JVM settings of {@code deploy/base/platform/jvm.env}, the file bin/platform and
 * platform-tests' launcher read too (docs/adr/0010), and its memory limit holds what those settings let the JVM take.
 */
final class JvmChecks {

    static final Path SETTINGS = Overlay.REPOSITORY.resolve("deploy/base/platform/jvm.env");
    /** Read by the image's run-java.sh and by glibc, not by the service: no configuration key of its own. */
    static final Set<String> LAUNCHER_VARIABLES =
            Set.of("JVM_MAX_HEAP", "JVM_OPTIONS", "JAVA_OPTS_APPEND", "GC_CONTAINER_OPTIONS", "MALLOC_ARENA_MAX");
    /** Beyond the bounded areas: thread stacks, the collector's own structures, malloc (PERFORMANCE.md §3.2 (5)). */
    private static final long NATIVE_MIB = 64;
    private static final Pattern BOUND = Pattern.compile("-XX:(?:MaxMetaspaceSize|ReservedCodeCacheSize|MaxDirectMemorySize)=(\\S+)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private JvmChecks() {
    }

    static List<String> settings(Overlay overlay, Set<String> services) {
        Map<String, String> jvm = Kustomize.readEnvFile(SETTINGS);
        List<String> problems = new ArrayList<>();
        for (Overlay.Workload workload : overlay.workloads()) {
            String name = workload.name();
            if (!services.contains(name)) {
                continue;
            }
            Container container = WiringChecks.mainContainer(workload);
            String heap = jvm.get(name.toUpperCase(Locale.ROOT).replace('-', '_') + "_MAX_HEAP");
            String expected = "-Xmx" + heap + " " + jvm.get("JVM_OPTIONS");
            String options = expand(overlay, container, "JAVA_OPTS_APPEND");
            if (!expected.equals(options)) {
                problems.add(name + ": JAVA_OPTS_APPEND is '" + options + "', jvm.env makes it '" + expected + "'");
            }
            for (var setting : Map.of("GC_CONTAINER_OPTIONS", "JVM_COLLECTOR", "MALLOC_ARENA_MAX", "MALLOC_ARENA_MAX").entrySet()) {
                String value = overlay.environmentValue(container, setting.getKey());
                if (!jvm.get(setting.getValue()).equals(value)) {
                    problems.add(name + ": " + setting.getKey() + " is '" + value + "', not jvm.env's " + setting.getValue());
                }
            }
            var limits = container.getResources() == null ? null : container.getResources().getLimits();
            if (limits != null && limits.containsKey("memory")) {
                long limitMib = Quantity.getAmountInBytes(limits.get("memory")).divide(BigDecimal.valueOf(1 << 20)).longValue();
                long neededMib = mebibytes(heap) + NATIVE_MIB;
                Matcher bound = BOUND.matcher(jvm.get("JVM_OPTIONS"));
                while (bound.find()) {
                    neededMib += mebibytes(bound.group(1));
                }
                if (limitMib < neededMib) {
                    problems.add(name + ": memory limit " + limitMib + " MiB is below the " + neededMib
                            + " MiB the JVM settings allow (heap, metaspace, code cache, direct memory, " + NATIVE_MIB + " MiB native)");
                }
            }
        }
        return problems;
    }

    /** An environment variable's value with {@code $(VAR)} references to the container's others expanded, as Kubernetes does. */
    static String expand(Overlay overlay, Container container, String variable) {
        String value = overlay.environmentValue(container, variable);
        if (value == null) {
            return null;
        }
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (reference.find()) {
            String referenced = overlay.environmentValue(container, reference.group(1));
            reference.appendReplacement(expanded, Matcher.quoteReplacement(referenced == null ? reference.group() : referenced));
        }
        return reference.appendTail(expanded).toString();
    }

    /** A JVM size ({@code 160m}, {@code 1g}, {@code 65536k}) in MiB. */
    static long mebibytes(String size) {
        long number = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'k' -> number / 1024;
            case 'm' -> number;
            case 'g' -> number * 1024;
            default -> throw new IllegalArgumentException("not a JVM size with a unit: " + size);
        };
    }
}
