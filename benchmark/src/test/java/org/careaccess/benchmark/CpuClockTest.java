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
    void thisJvmsOwnCpuTimeCanBeRead() {
        assertThat(CpuClock.processMillis(ProcessHandle.current().pid())).isPositive();
        assertThat(CpuClock.machineBusyMillis()).isPositive();
        assertThat(CpuClock.postgresMillis()).as("the machine's PostgreSQL").isPositive();
    }
}
