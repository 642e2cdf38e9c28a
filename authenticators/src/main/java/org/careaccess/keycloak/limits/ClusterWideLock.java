package org.careaccess.keycloak.limits;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;

/** A lock with an expiry, e.g. "this link is locked for 15 minutes", shared by every node. */
public final class ClusterWideLock {

    private static final String UNTIL = "until";

    private final SingleUseObjectProvider store;
    private final String key;

    public ClusterWideLock(SingleUseObjectProvider store, String key) {
        this.store = store;
        this.key = key;
    }

    public void lockFor(long seconds) {
        store.put(key, seconds, Map.of(UNTIL, Long.toString(Instant.now().getEpochSecond() + seconds)));
    }

    /** When the lock ends, if it is locked now. */
    public Optional<Instant> lockedUntil() {
        Map<String, String> notes = store.get(key);
        if (notes == null) {
            return Optional.empty();
        }
        String until = notes.get(UNTIL);
        Instant end = until == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(until));
        return end.isAfter(Instant.now()) ? Optional.of(end) : Optional.empty();
    }

    public boolean isLocked() {
        return lockedUntil().isPresent();
    }

    public void unlock() {
        store.remove(key);
    }
}
