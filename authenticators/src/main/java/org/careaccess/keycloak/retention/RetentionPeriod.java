package org.careaccess.keycloak.retention;

import java.time.Duration;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * How long a realm keeps a link after it ended: realm attribute {@value #ATTRIBUTE}, whole days,
 * default {@value #DEFAULT_DAYS}; 0 deletes ended links at the next purge. Anything else (negative,
 * not a whole number) keeps the default and logs a warning at every purge until it is fixed: a
 * typo must neither delete links early nor keep them for ever.
 */
public final class RetentionPeriod {

    public static final String ATTRIBUTE = "careaccess.link.retentionDays";
    public static final int DEFAULT_DAYS = 30;

    private static final Logger LOG = Logger.getLogger(RetentionPeriod.class);

    private RetentionPeriod() {
    }

    public static Duration of(RealmModel realm) {
        return parse(realm.getName(), realm.getAttribute(ATTRIBUTE));
    }

    static Duration parse(String realmName, String value) {
        if (value == null || value.isBlank()) {
            return Duration.ofDays(DEFAULT_DAYS);
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 0) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException e) {
            // warned below
        }
        LOG.warnf("careaccess-retention: realm %s: %s must be a whole number of days, 0 or more; was '%s', so %d days apply",
                realmName, ATTRIBUTE, value, DEFAULT_DAYS);
        return Duration.ofDays(DEFAULT_DAYS);
    }
}
