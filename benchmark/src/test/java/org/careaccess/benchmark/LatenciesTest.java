package org.careaccess.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(95)).isEqualTo(95.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void anEmptyStepHasZeroPercentiles() {
        assertThat(new Latencies().percentileMillis(99)).isZero();
    }

    @Test
    void mergingKeepsEveryDuration() {
        Latencies one = new Latencies();
        Latencies two = new Latencies();
        for (int i = 0; i < 3000; i++) {
            one.add(1_000_000L);
            two.add(3_000_000L);
        }

        one.addAll(two);

        assertThat(one.count()).isEqualTo(6000);
        assertThat(one.percentileMillis(50)).isEqualTo(1.0);
        assertThat(one.percentileMillis(51)).isEqualTo(3.0);
    }
}
