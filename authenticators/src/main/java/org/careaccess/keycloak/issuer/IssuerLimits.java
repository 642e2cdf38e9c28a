package org.careaccess.keycloak.issuer;

import java.time.Clock;

import org.careaccess.keycloak.limits.ClusterWideLimit;
import org.careaccess.keycloak.limits.ClusterWideRate;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The issuer API's limits per issuer client, counted cluster-wide; realm attributes set them.
 * Without the birth-date limit, a client's 409s would answer "is this the patient's birth date?"
 * for any NHS number, as often as it asks.
 */
public final class IssuerLimits {

    /** Requests a second of one issuer client, all of its calls together. Default {@value #DEFAULT_REQUESTS_PER_SECOND}. */
    static final String REQUESTS_PER_SECOND = "careaccess.issuer.requestsPerSecond";
    /** Birth dates that did not match the patient's (409) in any hour, per issuer client. Default {@value #DEFAULT_MISMATCHES_PER_HOUR}. */
    static final String BIRTH_DATE_MISMATCHES_PER_HOUR = "careaccess.issuer.birthDateMismatchesPerHour";

    static final int DEFAULT_REQUESTS_PER_SECOND = 100;
    static final int DEFAULT_MISMATCHES_PER_HOUR = 20;
    public static final long HOUR_SECONDS = 3600;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String scope;

    public IssuerLimits(KeycloakSession session, RealmModel realm, ClientModel issuer) {
        this.session = session;
        this.realm = realm;
        this.scope = realm.getId() + ":" + issuer.getId();
    }

    public ClusterWideRate requests() {
        return new ClusterWideRate(session.singleUseObjects(), "careaccess:issuer-requests:" + scope,
                setting(REQUESTS_PER_SECOND, DEFAULT_REQUESTS_PER_SECOND), 1, Clock.systemUTC());
    }

    /** Taken before a request that could end in a 409, given back when it did not. */
    public ClusterWideLimit birthDateMismatches() {
        return new ClusterWideLimit(session.singleUseObjects(), "careaccess:issuer-dob-mismatch:" + scope,
                setting(BIRTH_DATE_MISMATCHES_PER_HOUR, DEFAULT_MISMATCHES_PER_HOUR), HOUR_SECONDS);
    }

    /** A positive whole number, else the default: a typo in a realm attribute must not lift a limit. */
    private int setting(String attribute, int fallback) {
        String value = realm.getAttribute(attribute);
        try {
            int parsed = value == null ? fallback : Integer.parseInt(value.trim());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
