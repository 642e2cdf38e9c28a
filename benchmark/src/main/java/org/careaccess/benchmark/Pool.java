package org.careaccess.benchmark;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a scenario hands out to its flows (users, links), one flow at a time per item: a code texted
 * to an item's number is then always the flow's own.
 */
public final class Pool<T> {

    /** One flow with an item to itself. */
    public interface Use<T> {
        void run(T item) throws Exception;
    }

    private final BlockingQueue<T> items;
    private final String setting;

    /** {@code setting}: the system property that makes more items, for the message when none is free. */
    public Pool(Collection<T> items, String setting) {
        this.items = new ArrayBlockingQueue<>(items.size(), false, items);
        this.setting = setting;
    }

    public void use(Use<T> use) throws Exception {
        T item = items.poll(10, TimeUnit.SECONDS);
        if (item == null) {
            throw new IllegalStateException("nothing free in 10 s: raise -D" + setting);
        }
        try {
            use.run(item);
        } finally {
            items.put(item);
        }
    }
}
