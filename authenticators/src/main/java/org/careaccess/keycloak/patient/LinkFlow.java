package org.careaccess.keycloak.patient;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.ws.rs.core.Response;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.flow.Lockout;
import org.careaccess.keycloak.link.LinkSessions;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.link.PatientLinks;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What the steps of the patient link flow share: the link this flow opened (kept as an
 * authentication-session note by {@link PatientLinkAuthenticator}), the pages several steps show,
 * and their events. NHS login's post-broker step uses {@link #currentLink} too.
 */
public final class LinkFlow {

    /** Auth note: the id of the link this flow opened. */
    public static final String LINK_ID_NOTE = "careaccess.link.id";
    public static final String CLAIM_PURPOSE_NOTE = "careaccess.link.purpose";
    public static final String CLAIM_RESOURCE_NOTE = "careaccess.link.resource";
    static final String INVALID_PAGE = "careaccess-link-invalid.ftl";
    static final String LOCKED_PAGE = "careaccess-link-locked.ftl";
    /** Event error of every request refused because its link is locked for good. */
    public static final String LOCKED_OUT_ERROR = "careaccess_link_locked_out";

    private LinkFlow() {
    }

    /** The link this flow opened, as long as it is still active (not expired, not revoked). */
    public static Optional<PatientLink> currentLink(KeycloakSession session, AuthenticationSessionModel authSession) {
        return activeLink(session, authSession, authSession.getAuthNote(LINK_ID_NOTE));
    }

    /**
     * The id of the link this sign-in opened, from the client note its claim is made of. Unlike
     * the auth notes, client notes survive Keycloak's reset of the authentication session when a
     * broker's first login begins, so the NHS login steps find the link here.
     */
    public static Optional<String> openedLinkId(AuthenticationSessionModel authSession) {
        String id = authSession.getClientNote(LinkSessions.CLAIM_ID_NOTE);
        return id == null || id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** Marks the session this sign-in ends in as opened through the link, for {@link LinkSessions}. */
    public static void markOpened(AuthenticationSessionModel authSession, PatientLink link) {
        authSession.setUserSessionNote(LinkSessions.OPENED_NOTE_PREFIX + link.id(), "true");
    }

    private static Optional<PatientLink> activeLink(KeycloakSession session, AuthenticationSessionModel authSession, String id) {
        if (id == null) {
            return Optional.empty();
        }
        return new PatientLinks(session, authSession.getRealm()).byId(id).filter(link -> link.isActive(Instant.now()));
    }

    /**
     * The current link, or the "link does not work" page (and empty) when it stopped working
     * mid-flow. Names the link in this request's events, the final LOGIN event included.
     */
    public static Optional<PatientLink> currentLinkOrInvalidPage(AuthenticationFlowContext context, String step) {
        return linkOrInvalidPage(context, step, context.getAuthenticationSession().getAuthNote(LINK_ID_NOTE));
    }

    /** As {@link #currentLinkOrInvalidPage}, for the link with this id. */
    public static Optional<PatientLink> linkOrInvalidPage(AuthenticationFlowContext context, String step, String id) {
        Instant now = Instant.now();
        Optional<PatientLink> found = id == null ? Optional.empty()
                : new PatientLinks(context.getSession(), context.getRealm()).byId(id);
        if (found.isPresent() && found.get().status(now) == PatientLink.Status.LOCKED) {
            showLockedForGood(context, step, found.get().id());
            return Optional.empty();
        }
        Optional<PatientLink> link = found.filter(active -> active.isActive(now));
        if (link.isEmpty()) {
            showInvalid(context, step, "link_not_active", id);
        } else {
            context.getEvent().detail(CareAccessEvents.LINK_ID, link.get().id());
        }
        return link;
    }

    /** "This link does not work": never says whether it was unknown, expired or revoked. */
    public static void showInvalid(AuthenticationFlowContext context, String step, String reason, String linkId) {
        error(context, step, "careaccess_link_invalid", reason, linkId);
        context.challenge(context.form().setStatus(Response.Status.BAD_REQUEST).createForm(INVALID_PAGE));
    }

    /** A patient locked by the realm's brute-force protection: an error event and the locked page, for {@link Lockout}. */
    public static Consumer<Lockout.Lock> refusePatientLocked(AuthenticationFlowContext context, String step, String linkId) {
        return lock -> {
            error(context, step, lock.eventError(), "patient_locked", linkId);
            showLocked(context, Optional.empty());
        };
    }

    /** "You cannot use this link just now", with the minutes (past an hour, the hours) to wait when known. */
    public static void showLocked(AuthenticationFlowContext context, Optional<Instant> until) {
        context.challenge(lockedPage(context, until));
    }

    public static Response lockedPage(AuthenticationFlowContext context, Optional<Instant> until) {
        LoginFormsProvider form = context.form();
        until.ifPresent(end -> {
            long minutes = Math.max(1, (end.getEpochSecond() - Instant.now().getEpochSecond() + 59) / 60);
            form.setAttribute("lockedMinutes", minutes);
            if (minutes > 60) {
                form.setAttribute("lockedHours", (minutes + 59) / 60);
            }
        });
        return form.createForm(LOCKED_PAGE);
    }

    /**
     * A link locked for good (too many wrong dates of birth in its life): no step opens it again,
     * NHS login's included, and the patient is told to contact their healthcare provider.
     */
    public static void showLockedForGood(AuthenticationFlowContext context, String step, String linkId) {
        error(context, step, LOCKED_OUT_ERROR, "link_locked_out", linkId);
        context.challenge(lockedForGoodPage(context));
    }

    public static Response lockedForGoodPage(AuthenticationFlowContext context) {
        return context.form().setAttribute("lockedForGood", true).createForm(LOCKED_PAGE);
    }

    /**
     * A patient step passed (the link opened, the date of birth matched): its own event, since the
     * flow's LOGIN event comes only at the end, in whichever request finishes the flow.
     */
    public static void passed(AuthenticationFlowContext context, String step, String linkId) {
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION).user(context.getUser())
                .detail(CareAccessEvents.STEP, step)
                .detail(CareAccessEvents.OUTCOME, CareAccessEvents.STEP_PASSED)
                .detail(CareAccessEvents.LINK_ID, linkId)
                .success();
    }

    /** A LOGIN_ERROR event for a step, with the link id and the reason; never a code, number or date. */
    public static void error(AuthenticationFlowContext context, String step, String error, String reason, String linkId) {
        errorEvent(context, step, reason, linkId).error(error);
    }

    /** The LOGIN_ERROR event of {@link #error}, for a caller that adds details before sending it. */
    public static EventBuilder errorEvent(AuthenticationFlowContext context, String step, String reason, String linkId) {
        EventBuilder event = context.getEvent().clone().event(EventType.LOGIN_ERROR)
                .detail(CareAccessEvents.STEP, step)
                .detail(CareAccessEvents.REASON, reason);
        if (linkId != null) {
            event.detail(CareAccessEvents.LINK_ID, linkId);
        }
        if (context.getUser() != null) {
            event.user(context.getUser());
        }
        return event;
    }
}
