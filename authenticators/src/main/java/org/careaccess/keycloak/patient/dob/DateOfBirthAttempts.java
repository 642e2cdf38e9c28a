package org.careaccess.keycloak.patient.dob;

import java.time.Instant;
import java.util.Optional;

import org.careaccess.keycloak.link.LinkLockEntity;
import org.careaccess.keycloak.link.PatientLinks;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Wrong dates of birth on one link, counted in the link's database row so that every node sees
 * them at once and they survive restarts. A try is taken under the row lock BEFORE the date is
 * compared, and the try that reaches a limit writes the lock then: parallel posts queue on the
 * row, and the ones after it are refused without a compare. A right date gives its own try back
 * and clears the count since the last lock, never the wrong dates before it in the link's life.
 */
final class DateOfBirthAttempts {

    /** The link's lock as a patient sees it: none, until a time, or for good. */
    record Lock(Instant until, boolean forGood) {

        static final Lock NONE = new Lock(null, false);

        boolean locked() {
            return forGood || until != null;
        }
    }

    /** A try taken (then {@code lock} is what taking it locked, if anything), or refused by {@code lock}. */
    record Try(boolean taken, Lock lock) {
    }

    private final PatientLinks links;
    private final String linkId;
    private final DateOfBirthPolicy policy;

    DateOfBirthAttempts(KeycloakSession session, RealmModel realm, String linkId, DateOfBirthPolicy policy) {
        this.links = new PatientLinks(session, realm);
        this.linkId = linkId;
        this.policy = policy;
    }

    /** Empty when the link is gone. */
    Optional<Try> take() {
        long now = Instant.now().toEpochMilli();
        return links.lockForUpdate(linkId, row -> take(row, policy, now));
    }

    /** The date was right: the try it took was no wrong date. */
    void giveBack(Try taken) {
        links.lockForUpdate(linkId, row -> giveBack(row, taken));
    }

    static Try take(LinkLockEntity row, DateOfBirthPolicy policy, long now) {
        if (row.getLockedOutAt() != null) {
            return new Try(false, new Lock(null, true));
        }
        if (row.getLockedUntil() != null && row.getLockedUntil() > now) {
            return new Try(false, new Lock(Instant.ofEpochMilli(row.getLockedUntil()), false));
        }
        row.setWrongDates(row.getWrongDates() + 1);
        row.setWrongDatesSinceLock(row.getWrongDatesSinceLock() + 1);
        if (row.getWrongDates() >= policy.maxWrongDatesPerLink()) {
            row.setLockedOutAt(now);
            return new Try(true, new Lock(null, true));
        }
        if (row.getWrongDatesSinceLock() >= policy.maxAttempts()) {
            long until = now + policy.lockSeconds(row.getLocks()) * 1000;
            row.setLockedUntil(until);
            row.setLocks(row.getLocks() + 1);
            row.setWrongDatesSinceLock(0);
            return new Try(true, new Lock(Instant.ofEpochMilli(until), false));
        }
        return new Try(true, Lock.NONE);
    }

    /**
     * Undoes what taking this try did. While it held a lock it wrote, every other try was refused
     * without a change, so lifting that lock restores the link as it was.
     */
    static boolean giveBack(LinkLockEntity row, Try taken) {
        row.setWrongDates(Math.max(0, row.getWrongDates() - 1));
        row.setWrongDatesSinceLock(0);
        if (taken.lock().forGood()) {
            row.setLockedOutAt(null);
        } else if (taken.lock().until() != null) {
            row.setLockedUntil(null);
            row.setLocks(Math.max(0, row.getLocks() - 1));
        }
        return true;
    }
}
