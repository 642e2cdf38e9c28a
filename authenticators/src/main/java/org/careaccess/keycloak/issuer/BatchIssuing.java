package org.careaccess.keycloak.issuer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
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
 * one ({@link LinkIssuing}). Records go in chunks of {@value #CHUNK}, each chunk in a session and
 * transaction of its own ({@value #WORKERS} chunks at a time); a chunk that fails is issued again
 * record by record, so a bad or failing record never spoils its neighbours, and what was issued stays
 * issued if the caller goes away. The answer is {@code {"results":[...]}}, one per record in the same
 * order, each with its {@code status}.
 */
public final class BatchIssuing {

    public static final int MAX_RECORDS = 1000;
    /** 1,000 records of every field at its longest fit in well under this. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /**
     * Records a transaction: one commit (and one session, realm and key look-up) for this many links
     * instead of one each. Not more: before each query Hibernate checks every entity the transaction
     * holds for changes, so that cost grows with the square of the chunk (profiled: at 50 records it
     * cost as much as the commits it saved).
     */
    static final int CHUNK = 10;
    /** Chunks issued at once: a few, so a batch uses the node's cores and database connections without taking them all. */
    static final int WORKERS = 4;
    private static final String CODE = "{code}";

    private static final Logger LOG = Logger.getLogger(BatchIssuing.class);

    /** A record as read: what to issue, or the 400 it earned. */
    private record Read(IssueRecord record, LinkIssuing.Outcome refusal) {

        static Read of(JsonNode json, PhoneNumberRules.Options phoneOptions) {
            try {
                return new Read(IssueRecord.read(json, phoneOptions, BirthDates.today(), true), null);
            } catch (JsonApi.Invalid e) {
                return new Read(null, LinkIssuing.Outcome.error(Response.Status.BAD_REQUEST, "invalid_request", e.field(), e.getMessage(), 0));
            }
        }

        LinkIssuing.Outcome issueWith(LinkIssuing issuing) {
            return refusal != null ? refusal : issuing.issue(record);
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel issuer;
    private final UnaryOperator<String> urlOfCode;
    private final String remoteHost;

    public BatchIssuing(KeycloakSession session, RealmModel realm, ClientModel issuer, UnaryOperator<String> urlOfCode) {
        this.session = session;
        this.realm = realm;
        this.issuer = issuer;
        this.urlOfCode = urlOfCode;
        this.remoteHost = session.getContext().getConnection() == null ? null : session.getContext().getConnection().getRemoteHost();
    }

    public Response issue(String contentType, InputStream in) {
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
        // Made here, in the request's thread and session (which knows this server's URL); the workers only fill in codes.
        String urlPattern = urlOfCode.apply(CODE);
        UnaryOperator<String> url = code -> urlPattern.replace(CODE, code);
        List<List<JsonNode>> chunks = chunks(records);
        // The pool lives for this request only.
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(WORKERS, chunks.size()));
        try {
            List<Future<List<LinkIssuing.Outcome>>> outcomes = new ArrayList<>(chunks.size());
            for (List<JsonNode> chunk : chunks) {
                outcomes.add(workers.submit(() -> chunk(chunk, phoneOptions, url)));
            }
            List<Map<String, Object>> results = new ArrayList<>(records.size());
            for (int c = 0; c < chunks.size(); c++) {
                for (LinkIssuing.Outcome outcome : outcomes(outcomes.get(c), chunks.get(c).size())) {
                    results.add(result(results.size(), outcome));
                }
            }
            return JsonApi.json(Response.Status.OK, Map.of("results", results));
        } finally {
            workers.shutdownNow();
        }
    }

    private static List<List<JsonNode>> chunks(JsonNode records) {
        List<List<JsonNode>> chunks = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (i % CHUNK == 0) {
                chunks.add(new ArrayList<>(CHUNK));
            }
            chunks.get(chunks.size() - 1).add(records.get(i));
        }
        return chunks;
    }

    private List<LinkIssuing.Outcome> outcomes(Future<List<LinkIssuing.Outcome>> outcomes, int records) {
        try {
            return outcomes.get();
        } catch (ExecutionException e) {
            return Collections.nCopies(records, failed(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Collections.nCopies(records, failed(e));
        }
    }

    /**
     * A chunk of records in one transaction. Refusals (400, 409, 429) write nothing but their event,
     * so they share it safely. If anything throws, or the commit fails, nothing of the chunk stays
     * (the claims it took are given back) and each record is issued again in a transaction of its own.
     */
    private List<LinkIssuing.Outcome> chunk(List<JsonNode> json, PhoneNumberRules.Options phoneOptions, UnaryOperator<String> url) {
        List<Read> records = json.stream().map(record -> Read.of(record, phoneOptions)).toList();
        try {
            return inTransaction(url, issuing -> records.stream().map(record -> record.issueWith(issuing)).toList());
        } catch (RuntimeException e) {
            LOG.debugf("careaccess batch: a chunk of realm %s is issued again record by record (%s)", realm.getName(),
                    e.getClass().getSimpleName());
            return records.stream().map(record -> one(record, url)).toList();
        }
    }

    private LinkIssuing.Outcome one(Read record, UnaryOperator<String> url) {
        try {
            return inTransaction(url, record::issueWith);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** Runs {@code work} in a session and transaction of its own, for this batch's realm and issuer client. */
    private <T> T inTransaction(UnaryOperator<String> url, Function<LinkIssuing, T> work) {
        String realmId = realm.getId();
        String clientId = issuer.getId();
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
            RealmModel ownRealm = own.realms().getRealm(realmId);
            own.getContext().setRealm(ownRealm);
            ClientModel ownIssuer = ownRealm.getClientById(clientId);
            return work.apply(new LinkIssuing(own, ownRealm, ownIssuer.getClientId(), new IssuerLimits(own, ownRealm, ownIssuer), remoteHost, url));
        });
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
