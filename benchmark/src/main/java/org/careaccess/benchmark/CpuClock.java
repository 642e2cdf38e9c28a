package org.careaccess.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * CPU time from Linux's /proc: a process's user + system time ({@code /proc/<pid>/stat} fields 14
 * and 15) and the whole machine's busy time ({@code /proc/stat}), both in clock ticks of
 * {@value #TICKS_PER_SECOND} per second (USER_HZ, fixed at 100 for these files on Linux).
 */
public final class CpuClock {

    static final int TICKS_PER_SECOND = 100;

    private CpuClock() {
    }

    /** CPU milliseconds a process has used so far, user and system. */
    public static long processMillis(long pid) {
        return parseProcessTicks(read(Path.of("/proc/" + pid + "/stat"))) * 1000 / TICKS_PER_SECOND;
    }

    /**
     * CPU milliseconds a process's threads have used so far, by {@link ThreadKind} (each thread's
     * {@code /proc/<pid>/task/<tid>/stat} and {@code comm}). A thread that ended takes its time with
     * it, so the kinds may add up to less than {@link #processMillis}.
     */
    public static Map<ThreadKind, Long> threadMillis(long pid) {
        Map<ThreadKind, Long> ticks = new EnumMap<>(ThreadKind.class);
        for (ThreadKind kind : ThreadKind.values()) {
            ticks.put(kind, 0L);
        }
        try (var threads = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path thread : threads) {
                try {
                    ticks.merge(ThreadKind.of(Files.readString(thread.resolve("comm"))), parseProcessTicks(Files.readString(thread.resolve("stat"))), Long::sum);
                } catch (IOException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the threads of process " + pid, e);
        }
        ticks.replaceAll((kind, t) -> t * 1000 / TICKS_PER_SECOND);
        return ticks;
    }

    /**
     * CPU milliseconds used so far by every running PostgreSQL process (the server's backends, one
     * per pooled connection, and its workers), found by command name. A backend that exits between
     * two readings takes its time with it; Keycloak's pool keeps its connections, so that is rare.
     */
    public static long postgresMillis() {
        long ticks = 0;
        try (var processes = Files.newDirectoryStream(Path.of("/proc"), entry -> entry.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                try {
                    if ("postgres".equals(Files.readString(process.resolve("comm")).trim())) {
                        ticks += parseProcessTicks(Files.readString(process.resolve("stat")));
                    }
                } catch (IOException e) {
                    // the process ended while being read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** CPU milliseconds the machine has spent busy (not idle, not waiting for I/O), all cores added up. */
    public static long machineBusyMillis() {
        return parseMachineBusyTicks(read(Path.of("/proc/stat"))) * 1000 / TICKS_PER_SECOND;
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The 1-minute load average. */
    public static String loadAverage() {
        String[] fields = read(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    public static String cpuModel() {
        return read(Path.of("/proc/cpuinfo")).lines().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    /** utime + stime; the command name in parentheses may itself hold spaces and parentheses. */
    static long parseProcessTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The first line: cpu user nice system idle iowait irq softirq steal ...; busy is all but idle and iowait. */
    static long parseMachineBusyTicks(String stat) {
        String[] fields = stat.lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " (the benchmark measures CPU on Linux only)", e);
        }
    }
}
