package org.careaccess.keycloak.otp;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.careaccess.keycloak.limits.ClusterWideLimit;
import org.careaccess.keycloak.metrics.CareAccessMeters;
import org.careaccess.keycloak.metrics.MeteredSmsSender;
import org.careaccess.keycloak.secrets.RealmHmacKeys;
import org.careaccess.keycloak.secrets.Secrets;
import org.careaccess.keycloak.sms.SmsDeliveryException;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The one piece of code that texts a 6-digit security code and checks it, for patient links and
 * staff two-factor authentication alike.
 *
 * <p>A code belongs to a subject (a link, a person) within a purpose. It is drawn from
 * Keycloak's {@code SecretGenerator} (via {@link Secrets}), stored only as an HMAC keyed with the realm's HMAC key (bound to the
 * subject and to this issue of the code), compared in constant time and removed when used.
 * Everything lives in Keycloak's single-use object store, shared by every node: the code, its
 * tries, the cooldown and the hourly and daily text limits. Nothing is kept in this node's memory.
 */
public final class TextedSecurityCode {

    /** What asking for a text ended in. */
    public enum SendOutcome {
        /** A new code was texted. */
        SENT,
        /** A code texted earlier is still live; nothing was sent (a reload, a second tab). */
        ALREADY_SENT,
        /** Too soon after the last text. */
        COOLDOWN,
        /** The subject's hourly limit is used up. */
        SUBJECT_LIMIT,
        /** The number's daily limit is used up. */
        NUMBER_LIMIT,
        /** The gateway failed; nothing was counted. */
        FAILED
    }

    public record SendResult(SendOutcome outcome, long retryAfterSeconds, SmsDeliveryException failure) {

        /** A code is waiting on the person's phone (new or from before). */
        public boolean codeOnItsWay() {
            return outcome == SendOutcome.SENT || outcome == SendOutcome.ALREADY_SENT;
        }
    }

    /** What checking a typed code ended in. */
    public enum VerifyOutcome {
        ACCEPTED,
        /** Wrong code; {@link VerifyResult#attemptsLeft()} tries remain. */
        WRONG,
        /** The last try was used on this attempt or before: the code is dead. */
        ATTEMPTS_USED_UP,
        /** No live code: expired, used, or never sent. */
        NO_LIVE_CODE,
        /** Not six digits; no try counted. */
        MALFORMED
    }

    public record VerifyResult(VerifyOutcome outcome, int attemptsLeft) {
    }

    /** The purpose patient links text their codes for (the subject is the link id); every other purpose is staff two-factor. */
    public static final String LINK_PURPOSE = "link";

    private static final int DIGITS = 6;
    private static final long HOUR = 3600;
    private static final long DAY = 86400;

    private static final String HMAC = "hmac";
    private static final String KEY_ID = "kid";
    private static final String SERIAL = "serial";
    private static final String SENT_AT = "sent";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String purpose;
    private final String subject;
    private final CodePolicy policy;
    private final SingleUseObjectProvider store;
    private final Clock clock;

    /**
     * @param purpose what the code is for, e.g. {@code link} or {@code staff-2fa}
     * @param subject whose code it is, e.g. a link id or a user id
     */
    public TextedSecurityCode(KeycloakSession session, RealmModel realm, String purpose, String subject, CodePolicy policy) {
        this(session, realm, purpose, subject, policy, Clock.systemUTC());
    }

    TextedSecurityCode(KeycloakSession session, RealmModel realm, String purpose, String subject, CodePolicy policy, Clock clock) {
        this.clock = clock;
        this.session = session;
        this.realm = realm;
        this.purpose = purpose;
        this.subject = subject;
        this.policy = policy;
        this.store = session.singleUseObjects();
    }

    /** Texts a code unless a live one was sent already: showing the page again never texts again. */
    public SendResult sendUnlessLive(String toE164, String host) {
        if (isLive()) {
            return new SendResult(SendOutcome.ALREADY_SENT, 0, null);
        }
        return send(toE164, host);
    }

    /** Texts a new code, replacing any live one, within the cooldown and the text limits. */
    public SendResult sendNew(String toE164, String host) {
        return send(toE164, host);
    }

    public boolean isLive() {
        return store.get(codeKey()) != null;
    }

    /** Seconds since the live code was texted; empty when no code is live. */
    public OptionalLong secondsSinceSent() {
        Map<String, String> code = store.get(codeKey());
        if (code == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, clock.instant().getEpochSecond() - Long.parseLong(code.getOrDefault(SENT_AT, "0"))));
    }

    /** Seconds until a new code may be asked for; 0 when it may be now. */
    public long secondsUntilResendAllowed() {
        Map<String, String> code = store.get(codeKey());
        if (code == null || !store.contains(cooldownKey())) {
            return 0;
        }
        long sent = Long.parseLong(code.getOrDefault(SENT_AT, "0"));
        return Math.max(1, policy.resendCooldownSeconds() - (clock.instant().getEpochSecond() - sent));
    }

    private SendResult send(String toE164, String host) {
        if (!store.putIfAbsent(cooldownKey(), Math.max(1, policy.resendCooldownSeconds()))) {
            return new SendResult(SendOutcome.COOLDOWN, secondsUntilResendAllowed(), null);
        }
        Optional<ClusterWideLimit.Slot> subjectSlot = subjectLimit().tryTake();
        if (subjectSlot.isEmpty()) {
            store.remove(cooldownKey());
            return new SendResult(SendOutcome.SUBJECT_LIMIT, HOUR, null);
        }
        Optional<ClusterWideLimit.Slot> numberSlot = numberLimit(toE164).tryTake();
        if (numberSlot.isEmpty()) {
            subjectSlot.get().giveBack();
            store.remove(cooldownKey());
            return new SendResult(SendOutcome.NUMBER_LIMIT, DAY, null);
        }

        String code = newCode();
        try {
            SecurityCodeWording wording = SecurityCodeWording.of(session, realm);
            MeteredSmsSender.of(session).send(SecurityCodeText.of(toE164, code, serviceName(), host, wording.pattern(), wording.locale()));
        } catch (SmsDeliveryException e) {
            // Nothing reached the phone: count nothing, keep whatever code was live before.
            subjectSlot.get().giveBack();
            numberSlot.get().giveBack();
            store.remove(cooldownKey());
            return new SendResult(SendOutcome.FAILED, 0, e);
        }
        // Stored only once it is on its way. Keycloak's store writes a put when the request ends
        // (and refuses a second put of one key in a request), so nothing undelivered is ever put.
        String serial = UUID.randomUUID().toString();
        KeyWrapper key = hmacKey();
        store.put(codeKey(), policy.lifetimeSeconds(), Map.of(
                HMAC, mac(key.getSecretKey(), serial, code),
                KEY_ID, key.getKid(),
                SERIAL, serial,
                SENT_AT, Long.toString(clock.instant().getEpochSecond())));
        if (policy.resendCooldownSeconds() == 0) {
            // No cooldown: the key only kept two sends for one subject from racing.
            store.remove(cooldownKey());
        }
        return new SendResult(SendOutcome.SENT, 0, null);
    }

    /** Checks a typed code. A right code is used up at once; every wrong one costs a try. */
    public VerifyResult verify(String typed) {
        VerifyResult result = check(typed);
        CareAccessMeters.keycloak().codeChecked(realm.getName(), LINK_PURPOSE.equals(purpose) ? "patient" : "staff",
                result.outcome().name());
        return result;
    }

    private VerifyResult check(String typed) {
        Optional<String> code = normalise(typed);
        if (code.isEmpty()) {
            return new VerifyResult(VerifyOutcome.MALFORMED, attemptsLeft());
        }
        Map<String, String> stored = store.get(codeKey());
        if (stored == null) {
            return new VerifyResult(VerifyOutcome.NO_LIVE_CODE, 0);
        }
        String serial = stored.get(SERIAL);
        ClusterWideLimit attempts = attemptLimit(serial);
        if (attempts.tryTake().isEmpty()) {
            store.remove(codeKey());
            return new VerifyResult(VerifyOutcome.ATTEMPTS_USED_UP, 0);
        }
        KeyWrapper key = session.keys().getKey(realm, stored.get(KEY_ID), KeyUse.SIG, algorithmOf(stored.get(KEY_ID)));
        boolean matches = key != null && Secrets.equalInConstantTime(mac(key.getSecretKey(), serial, code.get()), stored.get(HMAC));
        if (matches) {
            // Single use: of two requests racing with the right code, only the one that removes it wins.
            Map<String, String> removed = store.remove(codeKey());
            attempts.reset();
            // The cooldown stops repeated texts for one code; once a code is used, the next
            // sign-in may text a new one at once (the hourly and daily limits still count).
            store.remove(cooldownKey());
            return removed != null && serial.equals(removed.get(SERIAL))
                    ? new VerifyResult(VerifyOutcome.ACCEPTED, 0)
                    : new VerifyResult(VerifyOutcome.NO_LIVE_CODE, 0);
        }
        int left = policy.maxAttempts() - attempts.used();
        if (left <= 0) {
            store.remove(codeKey());
            return new VerifyResult(VerifyOutcome.ATTEMPTS_USED_UP, 0);
        }
        return new VerifyResult(VerifyOutcome.WRONG, left);
    }

    /** Tries left on the live code, or the full allowance when there is none. */
    public int attemptsLeft() {
        Map<String, String> stored = store.get(codeKey());
        return stored == null ? policy.maxAttempts() : Math.max(0, policy.maxAttempts() - attemptLimit(stored.get(SERIAL)).used());
    }

    /** Forgets the live code, if any (e.g. when the person signs in another way). */
    public void discard() {
        store.remove(codeKey());
    }

    /** Six digits, typed or pasted with spaces or dashes, in any script's digits. */
    static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(DIGITS);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (Character.isWhitespace(c) || c == '-') {
                continue;
            }
            int value = Character.digit(c, 10);
            if (value < 0) {
                return Optional.empty();
            }
            digits.append((char) ('0' + value));
        }
        return digits.length() == DIGITS ? Optional.of(digits.toString()) : Optional.empty();
    }

    static String newCode() {
        return Secrets.newDigits(DIGITS);
    }

    private String mac(SecretKey key, String serial, String code) {
        String input = "careaccess-code|" + realm.getId() + "|" + purpose + "|" + subject + "|" + serial + "|" + code;
        return Base64.getEncoder().encodeToString(Secrets.hmacSha256(key, input));
    }

    private KeyWrapper hmacKey() {
        return RealmHmacKeys.active(session, realm);
    }

    private String algorithmOf(String kid) {
        return RealmHmacKeys.all(session, realm)
                .filter(k -> kid.equals(k.getKid()))
                .map(KeyWrapper::getAlgorithm).findFirst().orElse(Algorithm.HS512);
    }

    private String serviceName() {
        String displayName = realm.getDisplayName();
        return displayName == null || displayName.isBlank() ? realm.getName() : displayName;
    }

    private String scope() {
        return realm.getId() + ":" + purpose + ":" + subject;
    }

    private String codeKey() {
        return "careaccess:code:" + scope();
    }

    private String cooldownKey() {
        return "careaccess:code-cooldown:" + scope();
    }

    private ClusterWideLimit attemptLimit(String serial) {
        return new ClusterWideLimit(store, "careaccess:code-attempt:" + serial, policy.maxAttempts(), policy.lifetimeSeconds());
    }

    private ClusterWideLimit subjectLimit() {
        return new ClusterWideLimit(store, "careaccess:texts:" + scope(), policy.maxTextsPerHour(), HOUR);
    }

    private ClusterWideLimit numberLimit(String e164) {
        return textsToNumber(store, realm, e164, policy.maxTextsPerNumberPerDay());
    }

    /** The number's daily text limit, which every text CareAccess sends to it counts towards (codes and links alike). */
    public static ClusterWideLimit textsToNumber(SingleUseObjectProvider store, RealmModel realm, String e164, int maxPerDay) {
        return new ClusterWideLimit(store, "careaccess:texts-to:" + realm.getId() + ":" + Secrets.sha256Hex(e164), maxPerDay, DAY);
    }
}
