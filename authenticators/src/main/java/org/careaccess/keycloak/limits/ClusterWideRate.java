package org.careaccess.keycloak.limits;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * "At most N per window of W seconds", windows aligned to the clock (second 0-W, W-2W, ...), counted
 * in Keycloak's single-use object store, which every node of a cluster shares. Suited to a high N
 * (requests a second), where {@link ClusterWideLimit}'s sliding slots would cost up to N store calls
 * per request: each window has its own N slot keys, taken with {@code putIfAbsent} from a random
 * start so parallel callers rarely collide, and once a caller finds them all taken it marks the
 * window full, so later callers are refused with one call. A window's slots are never given back,
 * which is what makes the mark true until the window ends.
 * <p>
 * Nodes find the window from their own clock: keep the nodes' clocks in sync (NTP), or two nodes a
 * second apart may each allow N in what is one second for the other.
 */
public final class ClusterWideRate {

    private final SingleUseObjectProvider store;
    private final String key;
    private final int max;
    private final long windowSeconds;
    private final Clock clock;

    public ClusterWideRate(SingleUseObjectProvider store, String key, int max, long windowSeconds, Clock clock) {
        this.store = store;
        this.key = key;
        this.max = max;
        this.windowSeconds = windowSeconds;
        this.clock = clock;
    }

    /** Takes one allowance of the current window; false when all N are used. */
    public boolean tryTake() {
        String window = key + "@" + clock.instant().getEpochSecond() / windowSeconds;
        String full = window + "#full";
        if (store.contains(full)) {
            return false;
        }
        // The keys outlive their window by one window, so a node whose clock is a little behind
        // still finds them.
        long lifespan = 2 * windowSeconds;
        int start = ThreadLocalRandom.current().nextInt(max);
        for (int i = 0; i < max; i++) {
            if (store.putIfAbsent(window + "#" + (start + i) % max, lifespan)) {
                return true;
            }
        }
        store.putIfAbsent(full, lifespan);
        return false;
    }

    /** Whole seconds until the next window starts (at least 1): what a refused caller waits. */
    public long secondsToNextWindow() {
        long now = clock.instant().getEpochSecond();
        return Math.max(1, windowSeconds - now % windowSeconds);
    }
}
