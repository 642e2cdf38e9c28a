package org.careaccess.keycloak.otp;

import java.util.Locale;
import java.util.Optional;

import org.careaccess.keycloak.otp.TextedSecurityCode.SendResult;
import org.careaccess.keycloak.otp.TextedSecurityCode.VerifyResult;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * What a texted code's send or check outcome means on a code screen: the message the page shows,
 * the event details, the code's lifetime in minutes. One translator for patients and staff, so the
 * two screens cannot drift apart; only their wording (message keys, per theme), what the
 * hourly limit counts per (a link, a user) and whether a code typed after the last one died counts
 * towards brute-force protection differ, each said here.
 */
public final class CodeScreen {

    /** The message keys of one audience's code screen. */
    public record Words(String newCodeSent, String waitBeforeNewCode, String tooManyTexts, String wrong, String triesUsedUp, String expired,
                        String malformed, String missing) {
    }

    /** A message for the page: an error on a field, or a confirmation. */
    public record Message(boolean error, String key, Object... parameters) {

        public LoginFormsProvider addTo(LoginFormsProvider form, String field) {
            return error ? form.addError(new FormMessage(field, key, parameters)) : form.setSuccess(key, parameters);
        }
    }

    /**
     * Patients: a code typed when none is live guesses nothing and does not count towards the realm's
     * brute-force protection (a patient who comes back after the code's ten minutes is not an
     * attacker; the link's own locks bound the guesses).
     */
    public static final CodeScreen PATIENT = new CodeScreen("link", false, new Words("careaccess.code.newCodeSent", "careaccess.code.wait",
            "careaccess.code.useTheCodeSent", "careaccess.code.wrong", "careaccess.code.triesUsedUp", "careaccess.code.expired",
            "careaccess.code.format", "careaccess.code.missing"));
    /**
     * Staff: every code typed after the password that is not accepted counts, live or not, so ten
     * tries lock the account whether or not a code was asked for again (the staff realm's rule).
     */
    public static final CodeScreen STAFF = new CodeScreen("user", true, new Words("careaccess.staff.code.sent", "careaccess.staff.code.cooldown",
            "careaccess.staff.code.tooManyTexts", "careaccess.staff.code.wrong", "careaccess.staff.code.attemptsUsedUp",
            "careaccess.staff.code.expired", "careaccess.staff.code.malformed", "careaccess.staff.code.missing"));

    private final String subject;
    private final boolean deadCodesCount;
    private final Words words;

    private CodeScreen(String subject, boolean deadCodesCount, Words words) {
        this.subject = subject;
        this.deadCodesCount = deadCodesCount;
        this.words = words;
    }

    /**
     * The {@code careaccess_sms} event detail: {@code sent}, {@code already_sent}, {@code cooldown},
     * {@code limit_link} or {@code limit_user} (the hourly limit of the code's subject),
     * {@code limit_number} (the number's daily limit), {@code failed_<reason>}.
     */
    public String smsDetail(SendResult sent) {
        return switch (sent.outcome()) {
            case SENT -> "sent";
            case ALREADY_SENT -> "already_sent";
            case COOLDOWN -> "cooldown";
            case SUBJECT_LIMIT -> "limit_" + subject;
            case NUMBER_LIMIT -> "limit_number";
            case FAILED -> "failed_" + sent.failure().reason().name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * What the code page says after a text was asked for; empty when it has nothing to add (the
     * first text, a code already on its way, or a failure, which has its own page).
     *
     * @param askedAgain the person pressed "Request a new code"
     */
    public Optional<Message> afterSend(SendResult sent, boolean askedAgain) {
        return switch (sent.outcome()) {
            case SENT -> askedAgain ? Optional.of(new Message(false, words.newCodeSent())) : Optional.empty();
            case ALREADY_SENT, FAILED -> Optional.empty();
            case COOLDOWN -> Optional.of(new Message(true, words.waitBeforeNewCode(), sent.retryAfterSeconds()));
            case SUBJECT_LIMIT, NUMBER_LIMIT -> Optional.of(new Message(true, words.tooManyTexts()));
        };
    }

    /** A refused code: the page's message key and the event's {@code careaccess_reason}. */
    /**
     * Why a code was refused: the page's message, the event's reason, and whether it counts towards
     * the realm's brute-force protection (through {@code failureChallenge}). A mistyped code never does.
     */
    public record Refusal(String messageKey, String reason, boolean counts) {
    }

    /**
     * Why a typed code was refused, for the page ({@code wrong}, {@code triesUsedUp}, {@code expired},
     * {@code malformed}, or {@code missing} for a blank entry) and the event ({@code code_wrong},
     * {@code code_tries_used_up}, {@code code_expired}, {@code code_malformed}); empty when it was accepted.
     */
    public Optional<Refusal> refusal(VerifyResult result, String typed) {
        return switch (result.outcome()) {
            case ACCEPTED -> Optional.empty();
            case WRONG -> Optional.of(new Refusal(words.wrong(), "code_wrong", true));
            case ATTEMPTS_USED_UP -> Optional.of(new Refusal(words.triesUsedUp(), "code_tries_used_up", true));
            case NO_LIVE_CODE -> Optional.of(new Refusal(words.expired(), "code_expired", deadCodesCount));
            case MALFORMED -> Optional.of(new Refusal(typed == null || typed.isBlank() ? words.missing() : words.malformed(), "code_malformed",
                    false));
        };
    }

    /** How many minutes a code lives, rounded up: a 90-second code "expires after 2 minutes". */
    public static long lifetimeMinutes(CodePolicy policy) {
        return Math.max(1, (policy.lifetimeSeconds() + 59) / 60);
    }
}
