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

    /**
     * Context switches of all threads of a process, voluntary (a thread went to sleep, e.g. in epoll_wait, and was
     * woken again) and involuntary (preempted), or null if unknown: each wake-up costs both sides kernel time.
     */
    static long[] contextSwitches(long pid) {
        if (pid <= 0) {
            return null;
        }
        long[] sum = new long[2];
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum[0] += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum[1] += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
            return sum;
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
