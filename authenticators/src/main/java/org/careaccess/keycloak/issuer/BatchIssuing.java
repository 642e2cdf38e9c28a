package org.careaccess.keycloak.issuer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.Response;

import org.careaccess.keycloak.api.JsonApi;
import org.careaccess.keycloak.link.BirthDates;
import org.careaccess.keycloak.phone.PhoneNumberRules;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST links/batch}: up to {@value #MAX_RECORDS} records, each issued as {@code POST links} issues
 * one ({@link LinkIssuing}), each in a session and transaction of its own ({@value #WORKERS} at a time), so a bad or failing record never spoils
 * its neighbours and what was issued stays issued if the caller goes away. The answer is
 * {@code {"results":[...]}}, one per record in the same order, each with its {@code status}.
 */
public final class BatchIssuing {

    public static final int MAX_RECORDS = 1000;
    /** 1,000 records of every field at its longest fit in well under this. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Records issued at once: a few, so a batch uses the node's cores and database connections without taking them all. */
    static final int WORKERS = 4;
    private static final String CODE = "{code}";

    private static final Logger LOG = Logger.getLogger(BatchIssuing.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel issuer;
    private final UnaryOperator<String> urlOfCode;

    public BatchIssuing(KeycloakSession session, RealmModel realm, ClientModel issuer, UnaryOperator<String> urlOfCode) {
        this.session = session;
        this.realm = realm;
        this.issuer = issuer;
        this.urlOfCode = urlOfCode;
    }

    public Response issue(String contentType, java.io.InputStream in) {
        JsonApi.Body body = JsonApi.readArray(contentType, in, MAX_BODY_BYTES);
        if (body.json().isEmpty()) {
            return body.refusal().response();
        }
        JsonNode records = body.json().get();
        if (records.isEmpty() || records.size() > MAX_RECORDS) {
            return JsonApi.error(Response.Status.BAD_REQUEST, "invalid_request", null,
                    "A batch has 1 to " + MAX_RECORDS + " records; this one has " + records.size());
        }
        PhoneNumberRules.Options phoneOptions = PhoneNumberRules.Options.of(realm);
        String remoteHost = session.getContext().getConnection() == null ? null : session.getContext().getConnection().getRemoteHost();
        // Made here, in the request's thread and session (which knows this server's URL); the workers only fill in codes.
        String urlPattern = urlOfCode.apply(CODE);
        UnaryOperator<String> url = code -> urlPattern.replace(CODE, code);
        List<Future<LinkIssuing.Outcome>> outcomes = new ArrayList<>(records.size());
        // Records are independent (each in a session and transaction of its own), so a few run at once;
        // the pool lives for this request only.
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(WORKERS, records.size()));
        try {
            for (JsonNode record : records) {
                outcomes.add(workers.submit(() -> one(record, phoneOptions, remoteHost, url)));
            }
            List<Map<String, Object>> results = new ArrayList<>(records.size());
            for (int i = 0; i < outcomes.size(); i++) {
                results.add(result(i, outcome(outcomes.get(i))));
            }
            return JsonApi.json(Response.Status.OK, Map.of("results", results));
        } finally {
            workers.shutdownNow();
        }
    }

    private LinkIssuing.Outcome outcome(Future<LinkIssuing.Outcome> outcome) {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            return failed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(e);
        }
    }

    private LinkIssuing.Outcome one(JsonNode json, PhoneNumberRules.Options phoneOptions, String remoteHost, UnaryOperator<String> url) {
        IssueRecord record;
        try {
            record = IssueRecord.read(json, phoneOptions, BirthDates.today(), true);
        } catch (JsonApi.Invalid e) {
            return LinkIssuing.Outcome.error(Response.Status.BAD_REQUEST, "invalid_request", e.field(), e.getMessage(), 0);
        }
        String realmId = realm.getId();
        String clientId = issuer.getId();
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
                RealmModel ownRealm = own.realms().getRealm(realmId);
                own.getContext().setRealm(ownRealm);
                ClientModel ownIssuer = ownRealm.getClientById(clientId);
                return new LinkIssuing(own, ownRealm, ownIssuer.getClientId(), new IssuerLimits(own, ownRealm, ownIssuer), remoteHost, url)
                        .issue(record);
            });
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private LinkIssuing.Outcome failed(Throwable e) {
        // The exception's text may quote SQL parameters: its class only.
        LOG.warnf("careaccess batch: a record of realm %s could not be issued (%s)", realm.getName(), e.getClass().getSimpleName());
        return LinkIssuing.Outcome.error(Response.Status.SERVICE_UNAVAILABLE, "unavailable", null,
                "This record could not be issued just now: send it again with the same requestId", 1);
    }

    private static Map<String, Object> result(int index, LinkIssuing.Outcome outcome) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("status", outcome.status().getStatusCode());
        result.putAll(outcome.body());
        if (outcome.retryAfterSeconds() > 0) {
            result.put("retryAfter", outcome.retryAfterSeconds());
        }
        return result;
    }
}
