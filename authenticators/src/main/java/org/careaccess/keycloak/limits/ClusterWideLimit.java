package org.careaccess.keycloak.limits;

import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * "At most N in any window of W seconds", counted in Keycloak's single-use object store, which
 * every node of a cluster shares. The store has no atomic counter, so each allowance is a slot
 * key taken with {@code putIfAbsent}: N slots, each living W seconds from when it was taken. Two
 * nodes racing for the last slot cannot both win it.
 */
public final class ClusterWideLimit {

    private final SingleUseObjectProvider store;
    private final String key;
    private final int max;
    private final long windowSeconds;

    public ClusterWideLimit(SingleUseObjectProvider store, String key, int max, long windowSeconds) {
        this.store = store;
        this.key = key;
        this.max = max;
        this.windowSeconds = windowSeconds;
    }

    /** Takes one allowance; empty when all N are in use. */
    public Optional<Slot> tryTake() {
        for (int i = 0; i < max; i++) {
            String slot = key + "#" + i;
            if (store.putIfAbsent(slot, windowSeconds)) {
                return Optional.of(new Slot(slot));
            }
        }
        return Optional.empty();
    }

    /** How many allowances are in use now. */
    public int used() {
        int used = 0;
        for (int i = 0; i < max; i++) {
            if (store.contains(key + "#" + i)) {
                used++;
            }
        }
        return used;
    }

    public boolean exhausted() {
        return used() >= max;
    }

    /** Frees every allowance, e.g. after a success that resets the count. */
    public void reset() {
        for (int i = 0; i < max; i++) {
            store.remove(key + "#" + i);
        }
    }

    /** One taken allowance, which can be given back when what it paid for did not happen. */
    public final class Slot {

        private final String slotKey;

        private Slot(String slotKey) {
            this.slotKey = slotKey;
        }

        public void giveBack() {
            store.remove(slotKey);
        }
    }
}
