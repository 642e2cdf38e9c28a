package org.careaccess.keycloak.patient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What a sign-in actually used, as the steps record it, for the {@code amr} claim: {@code dob} when
 * a date of birth matched, {@code sms} when a texted code was typed, {@code device} when the
 * browser was already the link's trusted device, {@code nhslogin} after NHS login. Nothing is
 * recorded for a step that was skipped, so a token never claims more than happened.
 */
public final class AuthenticationMethods {

    public static final String DOB = "dob";
    public static final String SMS = "sms";
    public static final String DEVICE = "device";
    public static final String NHS_LOGIN = "nhslogin";

    /** Client note (this sign-in, copied into the client session) and user session note (for single sign-on). */
    public static final String NOTE = "careaccess.amr";

    private AuthenticationMethods() {
    }

    /** Forgets what an earlier attempt in this authentication session recorded. */
    public static void startOver(AuthenticationSessionModel authSession) {
        authSession.setClientNote(NOTE, "");
        authSession.setUserSessionNote(NOTE, "");
    }

    /** Records a method and names all so far in this request's events (the final LOGIN event's {@code careaccess_amr}). */
    public static void add(AuthenticationFlowContext context, String method) {
        context.getEvent().detail(CareAccessEvents.AMR, add(context.getAuthenticationSession(), method));
    }

    public static String add(AuthenticationSessionModel authSession, String method) {
        List<String> methods = new ArrayList<>(parse(authSession.getClientNote(NOTE)));
        if (!methods.contains(method)) {
            methods.add(method);
        }
        String value = String.join(" ", methods);
        authSession.setClientNote(NOTE, value);
        authSession.setUserSessionNote(NOTE, value);
        return value;
    }

    public static List<String> parse(String note) {
        if (note == null || note.isBlank()) {
            return List.of();
        }
        return Arrays.stream(note.trim().split(" +")).toList();
    }
}
