package org.reportplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures were measured on, and the memory of a process, from /proc. */
final class Machine {

    private Machine() {
    }

    /** Resident set of a process in KiB (VmRSS), or -1 when it is gone. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended
        }
        return -1;
    }

    static Map<String, String> describe(Map<String, String> versions) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cpu", firstValue("/proc/cpuinfo", "model name") + " × " + Runtime.getRuntime().availableProcessors() + " cores");
        machine.put("memory", Long.parseLong(firstValue("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB");
        machine.put("os", osName() + ", kernel " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.putAll(versions);
        machine.put("load average at start", read("/proc/loadavg").split(" ", 4)[0] + " " + read("/proc/loadavg").split(" ", 4)[1]
                + " " + read("/proc/loadavg").split(" ", 4)[2]);
        return machine;
    }

    private static String osName() {
        for (String line : lines("/etc/os-release")) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring("PRETTY_NAME=".length()).replace("\"", "");
            }
        }
        return System.getProperty("os.name");
    }

    private static String firstValue(String file, String key) {
        for (String line : lines(file)) {
            if (line.startsWith(key)) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static String read(String file) {
        return String.join("\n", lines(file));
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
