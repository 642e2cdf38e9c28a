package org.careaccess.keycloak.flow;

import java.util.Optional;
import java.util.function.Consumer;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;

/**
 * The one lockout gate of every step that checks something a person typed: Keycloak's brute-force
 * protection is asked first, before anything is compared, counted or texted (as Keycloak's own
 * OTP form does), and a locked-out person is refused with the step's own page. Wrong answers are
 * counted by {@code failureChallenge}, never here.
 */
public final class Lockout {

    /** Why Keycloak's brute-force protection refuses the person: the event error it names. */
    public record Lock(String eventError) {

        /** Locked for a while (the realm's wait), not until an administrator unlocks the account. */
        public boolean temporary() {
            return Errors.USER_TEMPORARILY_DISABLED.equals(eventError);
        }
    }

    private Lockout() {
    }

    /**
     * Whether the flow's user is locked out; if so, {@code refusal} has answered the request (its
     * event and page) and the step must do nothing more.
     */
    public static boolean refuses(AuthenticationFlowContext context, Consumer<Lock> refusal) {
        Optional<Lock> lock = Optional.ofNullable(AuthenticatorUtils.getDisabledByBruteForceEventError(context, context.getUser()))
                .map(Lock::new);
        lock.ifPresent(refusal);
        return lock.isPresent();
    }
}
