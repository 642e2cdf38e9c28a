package org.careaccess.benchmark;

import java.util.Locale;

/**
 * What a server JVM thread does, from its name as Linux shows it ({@code /proc/<pid>/task/<tid>/comm},
 * the first 15 characters): where the CPU of a measurement window went.
 */
public enum ThreadKind {
    /** Quarkus's request workers ({@code executor-thread-N}) and Vert.x event loops ({@code vert.x-eventloo}, cut at 15 characters): the flows' own work. */
    REQUESTS("requests"),
    /** G1's collector threads: {@code GC Thread#N}, {@code G1 Conc#N}, {@code G1 Refine#N}, {@code G1 Main Marker}... */
    GC("GC"),
    /** The JIT compilers: {@code C2 CompilerThre}, {@code C1 CompilerThre}. */
    JIT("JIT"),
    /** Everything else: the connection pool, Infinispan, timers, the VM thread... */
    OTHER("other");

    private final String label;

    ThreadKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static ThreadKind of(String threadName) {
        String name = threadName.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("executor-thread") || name.startsWith("vert.x-eventloo") || name.startsWith("vert.x-worker")) {
            return REQUESTS;
        }
        if (name.startsWith("gc thread") || name.startsWith("g1 ") || name.startsWith("gc ")) {
            return GC;
        }
        if (name.contains("compilerthre")) {
            return JIT;
        }
        return OTHER;
    }
}
