package org.edgeway.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU time of server processes from /proc, for CPU per message figures (clock ticks of 10 ms, CLK_TCK 100). */
final class ProcessTicks {

    static final double MICROS_PER_TICK = 10_000.0;

    private ProcessTicks() {
    }

    /** utime and stime (user and kernel time) of a process in clock ticks, or null if unknown. */
    static long[] userSystem(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The summed utime and stime of several processes, or null if one is unknown. */
    static long[] userSystem(long[] pids) {
        long[] sum = new long[2];
        for (long pid : pids) {
            long[] t = userSystem(pid);
            if (t == null) {
                return null;
            }
            sum[0] += t[0];
            sum[1] += t[1];
        }
        return sum;
    }
}
