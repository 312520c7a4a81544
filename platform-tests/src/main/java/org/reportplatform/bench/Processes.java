package org.reportplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** CPU time of processes and of the machine, from /proc, and which process listens on a port. */
final class Processes {

    /** USER_HZ: the unit of /proc's CPU times on Linux (sysconf(_SC_CLK_TCK) is 100 on every mainstream kernel). */
    static final double TICKS_PER_SECOND = 100;

    private Processes() {
    }

    /** CPU ticks of a process (user + system); -1 once it is gone. */
    static long cpuTicks(long pid) {
        return stat(pid).map(ProcFiles.ProcessCpu::ownTicks).orElse(-1L);
    }

    /**
     * CPU ticks of a server and all its child processes (PostgreSQL's backends): the server's own, those of the
     * children it has reaped, and those of its live children, so that a backend ending between two readings moves
     * its time from one term to another rather than out of the sum.
     */
    static long treeCpuTicks(long rootPid) {
        var root = stat(rootPid);
        if (root.isEmpty()) {
            return -1;
        }
        long ticks = root.get().ownTicks() + root.get().reapedChildrenTicks();
        for (long pid : pids()) {
            var child = stat(pid);
            if (child.isPresent() && child.get().ppid() == rootPid) {
                ticks += child.get().ownTicks();
            }
        }
        return ticks;
    }

    static ProcFiles.MachineCpu machine() {
        return ProcFiles.machineCpu(lines(Path.of("/proc/stat")).get(0));
    }

    static String loadAverage() {
        return ProcFiles.loadAverage(String.join(" ", lines(Path.of("/proc/loadavg"))));
    }

    /** The process with a socket listening on {@code port} on this machine, or -1 (another network namespace, no permission). */
    static long listening(int port) {
        List<String> tcp = new ArrayList<>(lines(Path.of("/proc/net/tcp")));
        tcp.addAll(lines(Path.of("/proc/net/tcp6")));
        long inode = ProcFiles.listeningInode(tcp, port);
        if (inode < 0) {
            return -1;
        }
        String socket = "socket:[" + inode + "]";
        for (long pid : pids()) {
            try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
                if (fds.anyMatch(fd -> socket.equals(link(fd)))) {
                    return pid;
                }
            } catch (IOException | RuntimeException gone) {
                // ended, or not ours to read
            }
        }
        return -1;
    }

    private static String link(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static java.util.Optional<ProcFiles.ProcessCpu> stat(long pid) {
        List<String> line = lines(Path.of("/proc/" + pid + "/stat"));
        return line.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ProcFiles.processCpu(line.get(0)));
    }

    private static List<Long> pids() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
