package org.careaccess.keycloak.retention;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/** Deletes one realm's ended links past its retention period, and the patients left unreachable. */
public interface RetentionProvider extends Provider {

    /** What one purge of a realm deleted. */
    record Purged(long links, long patients) {

        static final Purged NONE = new Purged(0, 0);

        Purged plus(Purged other) {
            return new Purged(links + other.links, patients + other.patients);
        }
    }

    /** Purges the realm now, in bounded batches, each its own transaction. */
    Purged purge(RealmModel realm);

    @Override
    default void close() {
    }
}
