package org.reportplatform.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap used and committed of a running JVM, from {@code jcmd PID GC.heap_info}: the sum of the collector's
 * top-level spaces (Serial: the new and tenured generations; G1: its one heap), so that RSS can be read as heap
 * policy plus live data plus what lies outside the heap.
 */
record HeapInfo(long usedKib, long committedKib) {

    /** A space line: {@code  def new generation   total 9792K, used 5043K [...]}, indented by one space. */
    private static final Pattern SPACE = Pattern.compile("^ \\S.*?\\s+total (\\d+)K, used (\\d+)K");

    static HeapInfo parse(List<String> lines) {
        long used = 0;
        long committed = 0;
        for (String line : lines) {
            Matcher space = SPACE.matcher(line);
            if (space.find()) {
                committed += Long.parseLong(space.group(1));
                used += Long.parseLong(space.group(2));
            }
        }
        return new HeapInfo(used, committed);
    }

    /** Null when jcmd cannot attach (the process ended, or runs as another user). */
    static HeapInfo of(long pid) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            List<String> lines = new String(jcmd.getInputStream().readAllBytes()).lines().toList();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                return null;
            }
            HeapInfo heap = parse(lines);
            return heap.committedKib() == 0 ? null : heap;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
