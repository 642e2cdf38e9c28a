package org.careaccess.keycloak.linktext;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.careaccess.keycloak.sms.SmsDeliveryException;
import org.jboss.logging.Logger;
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
 * provider's timeout, or a slow send would be declared lost while it still goes out) and
 * {@value #RETRY_SECONDS} (default {@value #DEFAULT_RETRY_SECONDS}: the waits before each new try of a text
 * the gateway certainly did not take; empty for none).
 */
public record LinkTextOptions(int perSecond, String notifyCallbackToken, long leaseSeconds, List<Duration> retryAfter) {

    public static final String PER_SECOND = "link-texts-per-second";
    public static final String NOTIFY_CALLBACK_TOKEN = "notify-callback-token";
    public static final String LEASE_SECONDS = "link-text-lease-seconds";
    public static final String RETRY_SECONDS = "link-text-retry-seconds";
    public static final int DEFAULT_PER_SECOND = 10;
    public static final long DEFAULT_LEASE_SECONDS = 120;
    /** 1, 5, 15 and 60 minutes: a gateway outage of about an hour and a half loses no text. */
    public static final String DEFAULT_RETRY_SECONDS = "60,300,900,3600";
    private static final List<Duration> DEFAULT_WAITS = waits(DEFAULT_RETRY_SECONDS).orElseThrow();
    /** The shortest lease allowed: beyond the longest provider timeout a deployment should have. */
    static final long MIN_LEASE_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(LinkTextOptions.class);

    public LinkTextOptions {
        retryAfter = List.copyOf(retryAfter);
    }

    public static LinkTextOptions defaults() {
        return new LinkTextOptions(DEFAULT_PER_SECOND, null, DEFAULT_LEASE_SECONDS, DEFAULT_WAITS);
    }

    public static LinkTextOptions of(Config.Scope config) {
        Integer perSecond = config.getInt(PER_SECOND, DEFAULT_PER_SECOND);
        String token = config.get(NOTIFY_CALLBACK_TOKEN);
        Long lease = config.getLong(LEASE_SECONDS, DEFAULT_LEASE_SECONDS);
        String retry = config.get(RETRY_SECONDS, DEFAULT_RETRY_SECONDS);
        Optional<List<Duration>> waits = waits(retry);
        if (waits.isEmpty()) {
            LOG.errorf("careaccess: %s must be whole seconds above 0 separated by commas, e.g. %s; was '%s', so the default is used",
                    RETRY_SECONDS, DEFAULT_RETRY_SECONDS, retry);
        }
        return new LinkTextOptions(perSecond == null || perSecond < 1 ? DEFAULT_PER_SECOND : perSecond,
                token == null || token.isBlank() ? null : token.trim(),
                lease == null ? DEFAULT_LEASE_SECONDS : Math.max(MIN_LEASE_SECONDS, lease),
                waits.orElse(DEFAULT_WAITS));
    }

    /** "60,300" as waits; empty when it is not a list of positive whole seconds ("" or "none": no retries). */
    static Optional<List<Duration>> waits(String seconds) {
        String trimmed = seconds == null ? "" : seconds.trim();
        if (trimmed.isEmpty() || trimmed.equals("none")) {
            return Optional.of(List.of());
        }
        List<Duration> waits = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            try {
                long wait = Long.parseLong(part.trim());
                if (wait < 1) {
                    return Optional.empty();
                }
                waits.add(Duration.ofSeconds(wait));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(waits);
    }

    /**
     * How long a text waits before its next try after this failure on its {@code attempts}-th try; empty when it
     * stays {@code failed}. Only a text the gateway certainly did not take, because the gateway was down
     * (unavailable: refused connection, HTTP 5xx or 429), goes again: after a timeout or a connection lost
     * mid-request the gateway may have taken it, and a second text must never go (at most once). A text the
     * gateway refused as such (rejected) or a provider without its options would fail again the same way.
     */
    public Optional<Duration> retryAfter(SmsDeliveryException failure, int attempts) {
        if (!failure.certainlyNotSent() || failure.reason() != SmsDeliveryException.Reason.UNAVAILABLE
                || attempts < 1 || attempts > retryAfter.size()) {
            return Optional.empty();
        }
        return Optional.of(retryAfter.get(attempts - 1));
    }

    /** Starts this node's drain: every second, cluster-wide rate. */
    public void scheduleDrain(KeycloakSession session) {
        session.getProvider(TimerProvider.class).scheduleTask(new LinkTextDrain(this, Clock.systemUTC()), 1000, LinkTextDrain.TASK_KEY);
    }
}
