package org.reportplatform.bench;

import java.util.Arrays;

/** The few lines of /proc the harness reads, parsed; the reading is {@link Processes}'. */
final class ProcFiles {

    private ProcFiles() {
    }

    /** CPU ticks a process has used, from a line of /proc/PID/stat. */
    record ProcessCpu(long ppid, long ownTicks, long reapedChildrenTicks) {
    }

    /** The machine's ticks since boot, from the first line of /proc/stat: all of them and the idle ones (idle + iowait). */
    record MachineCpu(long totalTicks, long idleTicks) {

        /** Share of the time between {@code earlier} and this reading that the machine's CPUs were idle, 0–1. */
        double idleSince(MachineCpu earlier) {
            long total = totalTicks - earlier.totalTicks;
            return total <= 0 ? Double.NaN : (double) (idleTicks - earlier.idleTicks) / total;
        }
    }

    /**
     * {@code pid (comm) state ppid … utime stime cutime cstime …}: the command name may hold spaces and parentheses,
     * so the fields are counted from the last ')'. utime and stime are fields 14 and 15, cutime and cstime (the
     * children it has waited for) 16 and 17.
     */
    static ProcessCpu processCpu(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state)
        return new ProcessCpu(Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal guest guest_nice}; guest time is already in user. */
    static MachineCpu machineCpu(String firstLine) {
        long[] ticks = Arrays.stream(firstLine.trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
        return new MachineCpu(Arrays.stream(ticks).sum(), ticks[3] + ticks[4]);
    }

    /**
     * The socket inode listening on {@code port} in /proc/net/tcp or tcp6, or -1: a line is
     * {@code sl local_address rem_address st … inode}, the local port in hex after the colon, state 0A = LISTEN.
     */
    static long listeningInode(Iterable<String> netTcpLines, int port) {
        for (String line : netTcpLines) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[1].contains(":") && "0A".equals(f[3])
                    && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                return Long.parseLong(f[9]);
            }
        }
        return -1;
    }

    /** The first three fields of /proc/loadavg. */
    static String loadAverage(String loadavg) {
        String[] f = loadavg.trim().split("\\s+");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
