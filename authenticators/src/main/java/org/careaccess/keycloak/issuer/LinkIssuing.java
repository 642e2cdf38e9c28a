package org.careaccess.keycloak.issuer;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.Response;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.limits.ClusterWideLimit;
import org.careaccess.keycloak.limits.GivenBackOnRollback;
import org.careaccess.keycloak.link.LinkCodes;
import org.careaccess.keycloak.link.PatientLinks;
import org.careaccess.keycloak.link.PatientUsers;
import org.careaccess.keycloak.link.SeededLinkCodes;
import org.careaccess.keycloak.linktext.LinkTexts;
import org.careaccess.keycloak.secrets.Secrets;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;

/**
 * Issues one link for an issuer client, in the session's transaction: the single {@code POST links}
 * and every record of a batch go through here, so both have the same limits and answers. A record
 * with a {@code requestId} seen from the same client within {@value #REQUEST_ID_HOURS} hours gets the
 * link issued then (same id, code and URL) and texts nothing again.
 */
public final class LinkIssuing {

    /** The answer for one link: an HTTP status and a JSON body (an error body for 4xx). */
    public record Outcome(Response.Status status, Map<String, Object> body, long retryAfterSeconds) {

        static Outcome error(Response.Status status, String error, String field, String message, long retryAfterSeconds) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error);
            if (field != null) {
                body.put("field", field);
            }
            body.put("message", message);
            return new Outcome(status, body, retryAfterSeconds);
        }
    }

    public static final int REQUEST_ID_HOURS = 24;
    /** How long a requestId is claimed while its link is issued: a parallel retry is told to try again. */
    private static final long REQUEST_CLAIM_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(LinkIssuing.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String issuerClientId;
    private final IssuerLimits limits;
    private final String remoteHost;
    private final UnaryOperator<String> urlOfCode;

    /**
     * @param urlOfCode the URL texted for a code ({@code LinkSettings.linkUrl}), made in the HTTP request's session, which knows this server's URL
     */
    public LinkIssuing(KeycloakSession session, RealmModel realm, String issuerClientId, IssuerLimits limits, String remoteHost,
                       UnaryOperator<String> urlOfCode) {
        this.session = session;
        this.realm = realm;
        this.issuerClientId = issuerClientId;
        this.limits = limits;
        this.remoteHost = remoteHost;
        this.urlOfCode = urlOfCode;
    }

    public Outcome issue(IssueRecord record) {
        String requestHash = record.requestId() == null ? null : Secrets.sha256Hex(issuerClientId + "|" + record.requestId());
        if (requestHash == null) {
            return issueNew(record, null);
        }
        Optional<Outcome> earlier = earlier(record, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // Claimed until the new link has committed (the claim outlives the request), so a parallel
        // retry cannot issue a second link; given back at once when no link was issued.
        String claim = "careaccess:issue-request:" + realm.getId() + ":" + requestHash;
        SingleUseObjectProvider store = session.singleUseObjects();
        if (!store.putIfAbsent(claim, REQUEST_CLAIM_SECONDS)) {
            return Outcome.error(Response.Status.CONFLICT, "conflict", "requestId",
                    "Another request with this requestId is being answered: try again in a second", 1);
        }
        Outcome outcome = issueNew(record, requestHash);
        if (outcome.status() != Response.Status.CREATED) {
            store.remove(claim);
        } else {
            // A link that never commits was never issued: its retry must not be told to wait.
            GivenBackOnRollback.enlist(session, () -> store.remove(claim));
        }
        return outcome;
    }

    private Outcome issueNew(IssueRecord record, String requestHash) {
        LinkRequest request = record.link();
        // Only a request with an NHS number can meet a patient with another birth date. Its 409
        // slot is taken before the patient is looked up, so parallel requests cannot get more 409s
        // than the limit, and once it is used up the answer no longer depends on the birth date.
        Optional<ClusterWideLimit.Slot> mismatchSlot = Optional.empty();
        if (request.nhsNumber() != null) {
            mismatchSlot = limits.birthDateMismatches().tryTake();
            if (mismatchSlot.isEmpty()) {
                return Outcome.error(Response.Status.TOO_MANY_REQUESTS, "rate_limited", null,
                        "This client sent too many birth dates that did not match the patient's: try again later", IssuerLimits.HOUR_SECONDS);
            }
        }
        UserModel patient;
        boolean mismatched = false;
        try {
            patient = new PatientUsers(session, realm).findOrCreate(request.nhsNumber(), request.birthDate(), request.givenName(),
                    request.familyName());
        } catch (PatientUsers.BirthDateConflict e) {
            mismatched = true;
            birthDateMismatchEvent(e.patientId());
            return Outcome.error(Response.Status.CONFLICT, "conflict", "birthDate",
                    "birthDate does not match the patient with this NHS number: check both", 0);
        } catch (PatientUsers.Busy e) {
            return Outcome.error(Response.Status.CONFLICT, "conflict", "nhsNumber",
                    "Another request is adding this patient: try again in a second", 1);
        } finally {
            if (!mismatched) {
                mismatchSlot.ifPresent(ClusterWideLimit.Slot::giveBack);
            } else {
                // The 409 counts once it is answered; a batch that rolls back answers it again.
                mismatchSlot.ifPresent(slot -> GivenBackOnRollback.enlist(session, slot::giveBack));
            }
        }
        Instant expiresAt = Instant.now().plus(Duration.ofDays(request.expiresInDays()));
        String id = PatientLinks.newId();
        // A link CareAccess texts needs its code again when the text goes out: made from a seed kept
        // with the queued text (the requestId when there is one), never stored itself.
        String seed = record.requestId() != null ? record.requestId() : record.send() ? Secrets.newToken(16) : null;
        SeededLinkCodes.Seeded seeded = seed == null ? null : SeededLinkCodes.make(session, realm, id, seed);
        String code = seeded == null ? LinkCodes.newCode() : seeded.code();
        PatientLinks.IssuedLink issued = new PatientLinks(session, realm).issue(id, code, requestHash, patient, request.purpose(),
                request.resource(), request.mobile(), expiresAt, issuerClientId);
        if (record.send()) {
            new LinkTexts(session, realm).enqueue(issued.link(), seed, seeded.keyId(), record.locale(), urlOfCode.apply(LinkTexts.CODE_PLACEHOLDER));
        }
        LOG.debugf("careaccess link %s issued in realm %s", id, realm.getName());
        return new Outcome(Response.Status.CREATED, answer(id, code, expiresAt, record.send()), 0);
    }

    /** The link this client issued for this requestId within the last day, answered as it was then. */
    private Optional<Outcome> earlier(IssueRecord record, String requestHash) {
        Instant since = Instant.now().minus(Duration.ofHours(REQUEST_ID_HOURS));
        return new PatientLinks(session, realm).byRequest(requestHash, since).map(found -> {
            Optional<String> code = SeededLinkCodes.remake(session, realm, found.link().id(), record.requestId(), found.codeHash());
            if (code.isEmpty()) {
                // The HMAC key that made it was deleted from the realm: the link stands, its URL cannot be given again.
                return Outcome.error(Response.Status.CONFLICT, "conflict", "requestId",
                        "This requestId issued a link whose URL can no longer be shown: use a new requestId", 0);
            }
            boolean texted = new LinkTexts(session, realm).state(found.link().id()).isPresent();
            return new Outcome(Response.Status.OK, answer(found.link().id(), code.get(), found.link().expiresAt(), texted), 0);
        });
    }

    private Map<String, Object> answer(String id, String code, Instant expiresAt, boolean texted) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("code", code);
        answer.put("url", urlOfCode.apply(code));
        answer.put("expiresAt", expiresAt.toString());
        if (texted) {
            answer.put("sms", new LinkTexts(session, realm).state(id).map(LinkTexts.State::describe).orElse(null));
        }
        return answer;
    }

    /** A 409 is an answer about a patient's birth date, so each leaves an event (never the date or the NHS number). */
    private void birthDateMismatchEvent(String patientId) {
        EventBuilder event = new EventBuilder(realm, session);
        if (remoteHost != null) {
            event.ipAddress(remoteHost);
        }
        event.event(EventType.CLIENT_LOGIN_ERROR)
                .client(issuerClientId)
                .user(patientId)
                .detail(CareAccessEvents.STEP, "issuer_api")
                .detail(CareAccessEvents.REASON, "birth_date_mismatch")
                .error("careaccess_birth_date_mismatch");
    }
}
