package org.careaccess.keycloak.linktext;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.careaccess.keycloak.link.LinkTextEntity;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.metrics.CareAccessMeters;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The texts of links CareAccess sends, one realm's view: queue a link's text with the link (in the
 * same transaction), read its state, mark what the SMS provider reported.
 */
public final class LinkTexts {

    /** Where a link's code goes in its URL pattern. */
    public static final String CODE_PLACEHOLDER = "{code}";

    /** A text's state as the issuer API shows it: {@code sms: {state, reason?, at}}. */
    public record State(String state, String reason, Instant at) {

        public Map<String, Object> describe() {
            Map<String, Object> sms = new LinkedHashMap<>();
            sms.put("state", state);
            if (reason != null) {
                sms.put("reason", reason);
            }
            sms.put("at", at.toString());
            return sms;
        }

        static State of(LinkTextEntity row) {
            // "sending" is the queue's own business: to the issuer the text is still queued.
            return new State(TextState.SENDING.value().equals(row.getState()) ? TextState.QUEUED.value() : row.getState(),
                    row.getReason(), Instant.ofEpochMilli(row.getStateAt()));
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    public LinkTexts(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Queues the text of a link just issued (persisted in this session's transaction, with the link). */
    public void enqueue(PatientLink link, String seed, String keyId, Locale locale, String urlPattern) {
        LinkTextEntity row = new LinkTextEntity();
        long now = Instant.now().toEpochMilli();
        row.setLinkId(link.id());
        row.setRealmId(realm.getId());
        row.setState(TextState.QUEUED.value());
        row.setStateAt(now);
        row.setQueuedAt(now);
        row.setSeed(seed);
        row.setKeyId(keyId);
        row.setLocale(locale.getLanguage());
        row.setUrlPattern(urlPattern);
        em().persist(row);
        count(TextState.QUEUED, null);
    }

    public Optional<State> state(String linkId) {
        return Optional.ofNullable(em().find(LinkTextEntity.class, linkId))
                .filter(row -> realm.getId().equals(row.getRealmId()))
                .map(State::of);
    }

    /** Marks the text the provider knows by this id; false when no text of this realm has it. */
    public boolean markDelivery(String messageId, TextState state, String reason) {
        List<LinkTextEntity> rows = em().createNamedQuery("careaccessTextByMessageId", LinkTextEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("messageId", messageId)
                .setMaxResults(1)
                .getResultList();
        rows.forEach(row -> {
            row.setState(state.value());
            row.setReason(reason);
            row.setStateAt(Instant.now().toEpochMilli());
            count(state, reason);
        });
        return !rows.isEmpty();
    }

    /** A text in a state, for the list of patients not reached. */
    public record Listed(String linkId, String state, String reason, Instant at) {
    }

    /** Up to {@code max} texts in this state since then, after the cursor ({@code afterAt}, {@code afterId}), oldest first. */
    public List<Listed> inState(TextState state, Instant since, long afterAt, String afterId, int max) {
        return em().createNamedQuery("careaccessTextsInState", LinkTextEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("state", state.value())
                .setParameter("since", since.toEpochMilli())
                .setParameter("afterAt", afterAt)
                .setParameter("afterId", afterId)
                .setMaxResults(max)
                .getResultStream()
                .map(row -> new Listed(row.getLinkId(), row.getState(), row.getReason(), Instant.ofEpochMilli(row.getStateAt())))
                .toList();
    }

    /** Counts a text reaching this state ({@code careaccess_link_texts_total}) when this session's transaction commits. */
    void count(TextState state, String reason) {
        String realmName = realm.getName();
        CareAccessMeters.onCommit(session, meters -> meters.linkText(realmName, state.value(), reason));
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
