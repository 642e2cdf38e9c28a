package org.careaccess.keycloak.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.nhsmail.NhsMailIdentityProviderFactory;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;

/**
 * What a Keycloak event counts: the CareAccess steps already say in their events' {@code careaccess_*}
 * details what happened (a date of birth that did not match, an expired link opened, how a staff
 * member signed in), so the meters are read off the events instead of being called from every step.
 */
final class EventMetrics {

    /** An increment of one or more CareAccess meters. */
    interface Count extends Consumer<CareAccessMeters> {
    }

    private EventMetrics() {
    }

    /**
     * @param identityProviderType the provider type (e.g. {@code careaccess-nhsmail}) of an identity
     *                             provider alias in the event's realm, or null
     */
    static List<Count> of(Event event, UnaryOperator<String> identityProviderType) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        String realm = event.getRealmName();
        String step = details.get(CareAccessEvents.STEP);
        String reason = details.get(CareAccessEvents.REASON);
        List<Count> counts = new ArrayList<>(2);
        EventType type = event.getType();
        if (type == EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT) {
            counts.add(m -> m.lock(realm, "account_temporary"));
        } else if (type == EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT) {
            counts.add(m -> m.lock(realm, "account_permanent"));
        } else if (type == EventType.CUSTOM_REQUIRED_ACTION && CareAccessEvents.STEP_PASSED.equals(details.get(CareAccessEvents.OUTCOME))) {
            if ("link".equals(step)) {
                counts.add(m -> m.link(realm, "opened"));
            } else if ("dob".equals(step)) {
                counts.add(m -> m.dateOfBirth(realm, "match"));
            }
        } else if (type == EventType.LOGIN_ERROR && "dob".equals(step) && reason != null) {
            dateOfBirthRefused(realm, reason, counts);
        } else if (type == EventType.LOGIN_ERROR && "link".equals(step) && reason != null) {
            String opened = switch (reason) {
                case "link_expired" -> "opened_expired";
                case "link_revoked" -> "opened_revoked";
                case "link_unknown" -> "opened_unknown";
                case "link_locked_out" -> "opened_locked";
                default -> null;
            };
            if (opened != null) {
                counts.add(m -> m.link(realm, opened));
            }
        } else if (type == EventType.LOGIN) {
            signIn(realm, details, identityProviderType, counts);
        }
        return counts;
    }

    /** The support desk's reset calls: every call, refused or not, is an admin event with its outcome. */
    static List<Count> of(AdminEvent event) {
        Map<String, String> details = event.getDetails();
        String path = event.getResourcePath();
        if (details == null || path == null || !path.endsWith("/reset-2fa") || !details.containsKey(CareAccessEvents.OUTCOME)) {
            return List.of();
        }
        String outcome = details.get(CareAccessEvents.OUTCOME);
        return List.of(m -> m.supportReset(event.getRealmName(), outcome));
    }

    private static void dateOfBirthRefused(String realm, String reason, List<Count> counts) {
        switch (reason) {
            case "dob_mismatch" -> counts.add(m -> m.dateOfBirth(realm, "mismatch"));
            case "dob_mismatch_link_locked" -> {
                counts.add(m -> m.dateOfBirth(realm, "mismatch"));
                counts.add(m -> m.lock(realm, "link"));
            }
            case "dob_mismatch_link_locked_out" -> {
                counts.add(m -> m.dateOfBirth(realm, "mismatch"));
                counts.add(m -> m.lock(realm, "link_for_good"));
            }
            case "link_locked", "link_locked_out", "patient_locked" -> counts.add(m -> m.dateOfBirth(realm, "refused_locked"));
            default -> {
                // e.g. a link that stopped working mid-flow: not a date of birth checked
            }
        }
    }

    /**
     * A patient sign-in names what it used ({@code careaccess_amr}); a staff sign-in its first factor
     * and second factor, or the NHSmail identity provider it came through. Other sign-ins (admin
     * console, single sign-on without a CareAccess step) are not CareAccess's to count.
     */
    private static void signIn(String realm, Map<String, String> details, UnaryOperator<String> identityProviderType, List<Count> counts) {
        String amr = details.get(CareAccessEvents.AMR);
        if (amr != null) {
            List<String> methods = List.of(amr.trim().split(" +"));
            counts.add(m -> m.patientSignIn(realm, methods));
            return;
        }
        String first = details.get(CareAccessEvents.FIRST_FACTOR);
        String second = details.get(CareAccessEvents.SECOND_FACTOR);
        if (first != null || second != null) {
            counts.add(m -> m.staffSignIn(realm, first, second == null ? "none" : second));
            return;
        }
        String alias = details.get(Details.IDENTITY_PROVIDER);
        if (alias != null && NhsMailIdentityProviderFactory.PROVIDER_ID.equals(identityProviderType.apply(alias))) {
            // NHSmail enforces its own second factor; CareAccess asks for none after it.
            counts.add(m -> m.staffSignIn(realm, "nhsmail", "none"));
        }
    }
}
