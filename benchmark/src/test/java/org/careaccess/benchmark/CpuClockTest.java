package org.careaccess.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuClockTest {

    @Test
    void aProcessesCpuIsUserPlusSystemTimeEvenWithParenthesesInItsName() {
        String stat = "4242 (java (kc) x) S 1 4242 4242 0 -1 4194560 53412 0 12 0 1500 250 0 0 20 0 60 0 1234 0 0";

        assertThat(CpuClock.parseProcessTicks(stat)).isEqualTo(1750);
    }

    @Test
    void theMachineIsBusyForAllButIdleAndIoWait() {
        String stat = "cpu  100 5 50 1000 30 7 3 2 0 0\ncpu0 50 2 25 500 15 3 1 1 0 0\n";

        assertThat(CpuClock.parseMachineBusyTicks(stat)).isEqualTo(100 + 5 + 50 + 7 + 3 + 2);
    }

    @Test
    void threadsAreSortedByWhatTheirNamesSay() {
        assertThat(ThreadKind.of("executor-thread-12\n")).isEqualTo(ThreadKind.REQUESTS);
        assertThat(ThreadKind.of("vert.x-eventloo")).isEqualTo(ThreadKind.REQUESTS);
        assertThat(ThreadKind.of("GC Thread#1")).isEqualTo(ThreadKind.GC);
        assertThat(ThreadKind.of("G1 Refine#0")).isEqualTo(ThreadKind.GC);
        assertThat(ThreadKind.of("G1 Conc#0")).isEqualTo(ThreadKind.GC);
        assertThat(ThreadKind.of("C2 CompilerThre")).isEqualTo(ThreadKind.JIT);
        assertThat(ThreadKind.of("C1 CompilerThre")).isEqualTo(ThreadKind.JIT);
        assertThat(ThreadKind.of("agroal-11")).isEqualTo(ThreadKind.OTHER);
        assertThat(ThreadKind.of("VM Thread")).isEqualTo(ThreadKind.OTHER);
    }

    @Test
    void aProcessesThreadsAddUpToAboutItsOwnCpuTime() {
        long pid = ProcessHandle.current().pid();
        long busyUntil = System.nanoTime() + 300_000_000L;
        long spin = 0;
        while (System.nanoTime() < busyUntil) {
            spin++;
        }
        long threads = CpuClock.threadMillis(pid).values().stream().mapToLong(Long::longValue).sum();
        long process = CpuClock.processMillis(pid);

        assertThat(spin).isPositive();
        assertThat(threads).isBetween(process / 2, process + 10);
        assertThat(CpuClock.threadMillis(pid).get(ThreadKind.OTHER)).as("this test's own thread, 'main'").isGreaterThanOrEqualTo(250);
    }

    @Test
    void thisJvmsOwnCpuTimeCanBeRead() {
        assertThat(CpuClock.processMillis(ProcessHandle.current().pid())).isPositive();
        assertThat(CpuClock.machineBusyMillis()).isPositive();
        assertThat(CpuClock.postgresMillis()).as("the machine's PostgreSQL").isPositive();
    }
}
