package org.careaccess.keycloak.linktext;

import java.time.Clock;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.TimerProvider;

/**
 * The options of link texts, read by the {@code careaccess} realm resource provider
 * ({@code --spi-realm-restapi-extension--careaccess--<option>}): {@value #PER_SECOND} (default
 * {@value #DEFAULT_PER_SECOND}, across the cluster) and {@value #NOTIFY_CALLBACK_TOKEN} (the bearer token
 * GOV.UK Notify's delivery-status callback sends; without it the callback answers 401) and
 * {@value #LEASE_SECONDS} (default {@value #DEFAULT_LEASE_SECONDS}: how long a claimed text may stay
 * {@code sending} before it counts as {@code failed}/{@code unknown_outcome}; keep it well beyond the SMS
 * provider's timeout, or a slow send would be declared lost while it still goes out).
 */
public record LinkTextOptions(int perSecond, String notifyCallbackToken, long leaseSeconds) {

    public static final String PER_SECOND = "link-texts-per-second";
    public static final String NOTIFY_CALLBACK_TOKEN = "notify-callback-token";
    public static final String LEASE_SECONDS = "link-text-lease-seconds";
    public static final int DEFAULT_PER_SECOND = 10;
    public static final long DEFAULT_LEASE_SECONDS = 120;
    /** The shortest lease allowed: beyond the longest provider timeout a deployment should have. */
    static final long MIN_LEASE_SECONDS = 30;

    public static LinkTextOptions defaults() {
        return new LinkTextOptions(DEFAULT_PER_SECOND, null, DEFAULT_LEASE_SECONDS);
    }

    public static LinkTextOptions of(Config.Scope config) {
        Integer perSecond = config.getInt(PER_SECOND, DEFAULT_PER_SECOND);
        String token = config.get(NOTIFY_CALLBACK_TOKEN);
        Long lease = config.getLong(LEASE_SECONDS, DEFAULT_LEASE_SECONDS);
        return new LinkTextOptions(perSecond == null || perSecond < 1 ? DEFAULT_PER_SECOND : perSecond,
                token == null || token.isBlank() ? null : token.trim(),
                lease == null ? DEFAULT_LEASE_SECONDS : Math.max(MIN_LEASE_SECONDS, lease));
    }

    /** Starts this node's drain: every second, cluster-wide rate. */
    public void scheduleDrain(KeycloakSession session) {
        session.getProvider(TimerProvider.class).scheduleTask(new LinkTextDrain(perSecond, leaseSeconds * 1000, Clock.systemUTC()), 1000,
                LinkTextDrain.TASK_KEY);
    }
}
