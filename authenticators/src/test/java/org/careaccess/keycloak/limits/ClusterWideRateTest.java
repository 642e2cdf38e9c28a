package org.careaccess.keycloak.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.careaccess.keycloak.otp.InMemorySingleUseObjects;
import org.junit.jupiter.api.Test;

class ClusterWideRateTest {

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final ClusterWideRate tenASecond = new ClusterWideRate(store, "test", 10, 1, store.clock());

    @Test
    void fiftyParallelTakersGetExactlyTenInOneWindow() throws Exception {
        assertThat(takenInParallel(50)).isEqualTo(10);
    }

    @Test
    void theNextWindowStartsAfreshAndTheFullOneStaysFull() throws Exception {
        takenInParallel(20);

        assertThat(tenASecond.tryTake()).isFalse();
        store.advanceSeconds(1);

        assertThat(takenInParallel(20)).isEqualTo(10);
    }

    @Test
    void aWindowOfSeveralSecondsEndsOnItsBoundary() {
        ClusterWideRate perMinute = new ClusterWideRate(store, "minute", 1, 60, store.clock());
        long intoTheMinute = store.clock().instant().getEpochSecond() % 60;

        assertThat(perMinute.tryTake()).isTrue();
        assertThat(perMinute.tryTake()).isFalse();
        assertThat(perMinute.secondsToNextWindow()).isEqualTo(60 - intoTheMinute);
        assertThat(tenASecond.secondsToNextWindow()).isEqualTo(1);
    }

    private int takenInParallel(int takers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                calls.add(tenASecond::tryTake);
            }
            int taken = 0;
            for (Future<Boolean> took : pool.invokeAll(calls)) {
                taken += took.get() ? 1 : 0;
            }
            return taken;
        } finally {
            pool.shutdownNow();
        }
    }
}
