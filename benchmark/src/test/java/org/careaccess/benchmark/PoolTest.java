package org.careaccess.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PoolTest {

    @Test
    void anItemGoesBackAfterItsFlowEvenWhenTheFlowFails() throws Exception {
        Pool<String> pool = new Pool<>(List.of("only"), "benchmark.links");

        assertThatThrownBy(() -> pool.use(item -> {
            throw new IllegalStateException("flow failed");
        })).hasMessage("flow failed");

        List<String> used = new ArrayList<>();
        pool.use(used::add);
        assertThat(used).containsExactly("only");
    }

    @Test
    void twoFlowsNeverHoldTheSameItem() throws Exception {
        Pool<String> pool = new Pool<>(List.of("a", "b"), "benchmark.links");
        List<String> held = new ArrayList<>();

        pool.use(outer -> pool.use(inner -> {
            held.add(outer);
            held.add(inner);
        }));

        assertThat(held).containsExactlyInAnyOrder("a", "b");
    }
}
