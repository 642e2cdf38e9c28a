package org.careaccess.keycloak.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Every CareAccess meter, in Keycloak's own Micrometer registry: with {@code --metrics-enabled=true}
 * Keycloak's Prometheus registry sits in {@link Metrics#globalRegistry} (as its user-event metrics
 * do), so they appear on {@code /metrics} of the management port; without it the global registry
 * holds no registry and every call here costs next to nothing.
 *
 * <p>Each node counts what it served; Prometheus sums the nodes. Labels come only from the closed
 * sets below: anything else is {@code other}, so a label never holds a phone number, a code, a
 * link, a user or free text, and the number of series stays small.
 */
public final class CareAccessMeters {

    /** Prometheus names (what dashboards and alert rules use), in the order of the README's table. */
    public static final String SMS_SENT = "careaccess_sms_sent_total";
    public static final String SMS_FAILED = "careaccess_sms_failed_total";
    public static final String SMS_SEND_SECONDS = "careaccess_sms_send_seconds";
    public static final String CODES_CHECKED = "careaccess_codes_checked_total";
    public static final String DATES_OF_BIRTH = "careaccess_dates_of_birth_total";
    public static final String LOCKS = "careaccess_locks_total";
    public static final String LINKS = "careaccess_links_total";
    public static final String PATIENT_SIGN_INS = "careaccess_patient_sign_ins_total";
    public static final String STAFF_SIGN_INS = "careaccess_staff_sign_ins_total";
    public static final String SUPPORT_RESETS = "careaccess_support_resets_total";
    public static final String LINK_TEXTS = "careaccess_link_texts_total";

    public static final String OTHER = "other";

    static final Set<String> PROVIDERS = Set.of("log", "sns", "notify", "none");
    static final Set<String> SMS_REASONS = Set.of("rejected", "unavailable", "timed_out", "misconfigured");
    static final Set<String> AUDIENCES = Set.of("patient", "staff");
    static final Set<String> CODE_OUTCOMES = Set.of("accepted", "wrong", "attempts_used_up", "no_live_code", "malformed");
    static final Set<String> DATE_OF_BIRTH_OUTCOMES = Set.of("match", "mismatch", "refused_locked");
    static final Set<String> LOCK_KINDS = Set.of("link", "link_for_good", "account_temporary", "account_permanent");
    static final Set<String> LINK_EVENTS = Set.of("issued", "revoked", "opened", "opened_expired", "opened_revoked",
            "opened_unknown", "opened_locked");
    static final Set<String> AMR_METHODS = Set.of("device", "dob", "nhslogin", "sms");
    static final Set<String> FIRST_FACTORS = Set.of("password", "signin_link", "nhsmail");
    static final Set<String> SECOND_FACTORS = Set.of("sms", "app", "none");
    static final Set<String> LINK_TEXT_STATES = Set.of("queued", "sent", "failed", "delivered", "not_delivered");
    /** Why a link text failed or was not delivered; {@code none} for the other states. */
    static final Set<String> LINK_TEXT_REASONS = Set.of("none", "link_ended", "key_removed", "number_daily_limit", "rejected",
            "unavailable", "timed_out", "misconfigured", "unknown_outcome", "permanent-failure", "temporary-failure", "technical-failure");
    static final Set<String> SUPPORT_RESET_OUTCOMES = Set.of("reset", "forbidden", "invalid_request", "user_not_found",
            "generic_account");

    /** Send-latency buckets: a healthy gateway answers well under a second; the send timeout defaults to 5 s. */
    private static final List<Duration> SEND_BUCKETS = List.of(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10));

    private final MeterRegistry registry;

    CareAccessMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters in Keycloak's registry. */
    public static CareAccessMeters keycloak() {
        return new CareAccessMeters(Metrics.globalRegistry);
    }

    /** A text handed to the gateway ({@code failureReason} null) or not, and how long the gateway took. */
    public void smsSend(String provider, String failureReason, Duration took) {
        String providerLabel = closed(provider, PROVIDERS);
        Timer.builder("careaccess.sms.send").description("Time to hand a text to the SMS gateway, by outcome")
                .tags("provider", providerLabel, "outcome", failureReason == null ? "sent" : "failed")
                .serviceLevelObjectives(SEND_BUCKETS.toArray(Duration[]::new))
                .register(registry).record(took);
        if (failureReason == null) {
            count("careaccess.sms.sent", "Texts handed to the SMS gateway", "provider", providerLabel);
        } else {
            count("careaccess.sms.failed", "Texts the SMS gateway did not take, by reason",
                    "provider", providerLabel, "reason", closed(failureReason, SMS_REASONS));
        }
    }

    public void codeChecked(String realm, String audience, String outcome) {
        count("careaccess.codes.checked", "Texted security codes checked, by outcome",
                "realm", realm(realm), "audience", closed(audience, AUDIENCES), "outcome", closed(outcome, CODE_OUTCOMES));
    }

    public void dateOfBirth(String realm, String outcome) {
        count("careaccess.dates.of.birth", "Dates of birth checked on a link, by outcome",
                "realm", realm(realm), "outcome", closed(outcome, DATE_OF_BIRTH_OUTCOMES));
    }

    public void lock(String realm, String kind) {
        count("careaccess.locks", "Links and accounts locked", "realm", realm(realm), "kind", closed(kind, LOCK_KINDS));
    }

    public void link(String realm, String event) {
        count("careaccess.links", "Patient links issued, revoked and opened", "realm", realm(realm), "event", closed(event, LINK_EVENTS));
    }

    /** {@code methods}: what the sign-in used, as in the {@code amr} claim. */
    public void patientSignIn(String realm, Iterable<String> methods) {
        count("careaccess.patient.sign.ins", "Patient sign-ins, by what they proved (amr)", "realm", realm(realm), "amr", amr(methods));
    }

    public void staffSignIn(String realm, String firstFactor, String secondFactor) {
        count("careaccess.staff.sign.ins", "Staff sign-ins, by first factor and two-factor method",
                "realm", realm(realm), "first_factor", closed(firstFactor, FIRST_FACTORS),
                "second_factor", closed(secondFactor, SECOND_FACTORS));
    }

    public void supportReset(String realm, String outcome) {
        count("careaccess.support.resets", "Support-desk two-factor resets, by outcome",
                "realm", realm(realm), "outcome", closed(outcome, SUPPORT_RESET_OUTCOMES));
    }

    /** A link text moved to {@code state} (as the issuer API names it), with its reason (null: none). */
    public void linkText(String realm, String state, String reason) {
        count("careaccess.link.texts", "Link texts CareAccess sends, by the state they reached and why",
                "realm", realm(realm), "state", closed(state, LINK_TEXT_STATES), "reason", closed(reason == null ? "none" : reason, LINK_TEXT_REASONS));
    }

    /**
     * Counts when the session's transaction commits, as the event metrics do: work rolled back (a batch
     * record refused, a drain that lost its database) is not counted.
     */
    public static void onCommit(KeycloakSession session, Consumer<CareAccessMeters> count) {
        session.getTransactionManager().enlistAfterCompletion(countedOnCommit(CareAccessMeters::keycloak, count));
    }

    static KeycloakTransaction countedOnCommit(Supplier<CareAccessMeters> meters, Consumer<CareAccessMeters> count) {
        return new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                count.accept(meters.get());
            }

            @Override
            protected void rollbackImpl() {
            }
        };
    }

    private void count(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }

    /** The methods sorted and joined with {@code +} (e.g. {@code dob+sms}); {@code other} if any is unknown. */
    static String amr(Iterable<String> methods) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String method : methods) {
            if (!AMR_METHODS.contains(method)) {
                return OTHER;
            }
            sorted.add(method);
        }
        return sorted.isEmpty() ? OTHER : String.join("+", sorted);
    }

    static String closed(String value, Set<String> allowed) {
        if (value == null) {
            return OTHER;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return allowed.contains(lower) ? lower : OTHER;
    }

    /**
     * A realm's name is chosen by its administrators, not by patients, and realms are few; still,
     * only a plain name of letters, digits, {@code -} and {@code _} is used as it is.
     */
    static String realm(String name) {
        return name != null && name.matches("[A-Za-z0-9_-]{1,64}") ? name : OTHER;
    }
}
