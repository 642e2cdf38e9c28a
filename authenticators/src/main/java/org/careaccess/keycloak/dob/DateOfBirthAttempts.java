package org.careaccess.keycloak.dob;

import java.time.Instant;
import java.util.Optional;

import org.careaccess.keycloak.limits.ClusterWideLimit;
import org.careaccess.keycloak.limits.ClusterWideLock;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Wrong dates of birth on one link, counted in the cluster-wide store: the last allowed wrong date
 * locks the link for the lock time and starts the count again. A right date clears the count.
 * Wrong dates are remembered for a day, so waiting does not buy more tries without a lock.
 */
final class DateOfBirthAttempts {

    private static final long REMEMBER_WRONG_SECONDS = 86400;

    private final ClusterWideLimit wrongDates;
    private final ClusterWideLock lock;
    private final long lockSeconds;

    DateOfBirthAttempts(KeycloakSession session, RealmModel realm, String linkId, DateOfBirthPolicy policy) {
        String scope = realm.getId() + ":" + linkId;
        this.wrongDates = new ClusterWideLimit(session.singleUseObjects(), "careaccess:dob-wrong:" + scope, policy.maxAttempts(),
                REMEMBER_WRONG_SECONDS);
        this.lock = new ClusterWideLock(session.singleUseObjects(), "careaccess:link-lock:" + scope);
        this.lockSeconds = policy.lockSeconds();
    }

    Optional<Instant> lockedUntil() {
        return lock.lockedUntil();
    }

    /** Counts a wrong date; when it was the last one allowed, locks the link and says until when. */
    Optional<Instant> wrong() {
        if (wrongDates.tryTake().isPresent() && !wrongDates.exhausted()) {
            return Optional.empty();
        }
        lock.lockFor(lockSeconds);
        wrongDates.reset();
        return lock.lockedUntil();
    }

    void right() {
        wrongDates.reset();
    }
}
