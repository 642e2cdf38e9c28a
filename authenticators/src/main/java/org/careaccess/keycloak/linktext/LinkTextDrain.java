package org.careaccess.keycloak.linktext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;

import org.careaccess.keycloak.limits.ClusterWideLimit;
import org.careaccess.keycloak.limits.ClusterWideRate;
import org.careaccess.keycloak.link.LinkTextEntity;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.link.PatientLinks;
import org.careaccess.keycloak.link.SeededLinkCodes;
import org.careaccess.keycloak.metrics.MeteredSmsSender;
import org.careaccess.keycloak.otp.TextedSecurityCode;
import org.careaccess.keycloak.sms.SmsDeliveryException;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Sends queued link texts, on every node's timer each second, at most {@code perSecond} a second across
 * the cluster ({@link ClusterWideRate}). Each text is first claimed, in a transaction of its own that
 * commits before the SMS provider is called: its row goes from {@code queued} to {@code sending} with a
 * lease, by an UPDATE that only one node can win (it holds the row lock, and its WHERE asks for
 * {@code queued}). The send and its result ({@code sent} with the provider's id, or {@code failed}) are
 * the next transaction. A node that dies between the two leaves the row {@code sending}; when its lease
 * ends it is marked {@code failed} with reason {@code unknown_outcome}, never sent again: a text is sent
 * at most once, and the issuer sees which few may not have arrived (README, "Issuing links in bulk").
 * Only a text the gateway certainly did not take goes back to {@code queued}, with a time before which
 * no node claims it ({@link LinkTextOptions#retryAfter}).
 */
final class LinkTextDrain implements ScheduledTask {

    static final String TASK_KEY = "careaccess-link-texts";
    private static final int CANDIDATES = 20;
    static final String UNKNOWN_OUTCOME = "unknown_outcome";

    private static final Logger LOG = Logger.getLogger(LinkTextDrain.class);

    private final LinkTextOptions options;
    private final Clock clock;

    LinkTextDrain(LinkTextOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    @Override
    public String getTaskName() {
        return TASK_KEY;
    }

    @Override
    public void run(KeycloakSession session) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        try {
            KeycloakModelUtils.runJobInTransaction(factory, this::failExpiredLeases);
            ClusterWideRate rate = new ClusterWideRate(session.singleUseObjects(), "careaccess:link-texts", options.perSecond(), 1, clock);
            DailyLimits dailyLimits = new DailyLimits();
            for (int i = 0; i < options.perSecond(); i++) {
                if (!rate.tryTake()) {
                    return;
                }
                Optional<String> claimed = claim(factory);
                if (claimed.isEmpty()) {
                    return;
                }
                KeycloakModelUtils.runJobInTransaction(factory, own -> send(own, claimed.get(), dailyLimits));
            }
        } catch (RuntimeException e) {
            // The exception's text may quote SQL parameters: its class only. The queue waits for the next second.
            LOG.errorf("careaccess link texts: the drain stopped by %s", e.getClass().getSimpleName());
            LOG.debug("careaccess link texts: drain failure", e);
        }
    }

    /**
     * Texts whose node died while sending them: {@code failed}/{@code unknown_outcome}, realm by realm so each is
     * counted in its realm (each row's UPDATE is won by one node only, so none is counted twice).
     */
    private void failExpiredLeases(KeycloakSession session) {
        long now = clock.millis();
        EntityManager em = em(session);
        List<String> realmIds = em.createNamedQuery("careaccessTextsLeaseExpiredRealms", String.class).setParameter("now", now).getResultList();
        for (String realmId : realmIds) {
            int failed = em.createNamedQuery("careaccessTextsLeaseExpired").setParameter("realmId", realmId).setParameter("now", now)
                    .executeUpdate();
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm != null) {
                LinkTexts texts = new LinkTexts(session, realm);
                for (int i = 0; i < failed; i++) {
                    texts.count(TextState.FAILED, UNKNOWN_OUTCOME);
                }
            }
        }
    }

    /** The id of a queued text this node now holds (state {@code sending}), committed; empty when none is queued. */
    private Optional<String> claim(KeycloakSessionFactory factory) {
        return Optional.ofNullable(KeycloakModelUtils.runJobInTransactionWithResult(factory, own -> {
            EntityManager em = em(own);
            long now = clock.millis();
            List<String> queued = em.createNamedQuery("careaccessTextsQueued", String.class).setParameter("now", now)
                    .setMaxResults(CANDIDATES).getResultList();
            // Nodes start at different candidates, so they seldom wait on each other's row.
            int start = queued.isEmpty() ? 0 : ThreadLocalRandom.current().nextInt(queued.size());
            for (int i = 0; i < queued.size(); i++) {
                String linkId = queued.get((start + i) % queued.size());
                int won = em.createNamedQuery("careaccessTextClaim")
                        .setParameter("linkId", linkId)
                        .setParameter("lease", now + options.leaseSeconds() * 1000)
                        .setParameter("now", now)
                        .executeUpdate();
                if (won == 1) {
                    return linkId;
                }
            }
            return null;
        }));
    }

    private void send(KeycloakSession session, String linkId, DailyLimits dailyLimits) {
        EntityManager em = em(session);
        LinkTextEntity row = em.find(LinkTextEntity.class, linkId);
        if (row == null || !TextState.SENDING.value().equals(row.getState())) {
            return;
        }
        RealmModel realm = session.realms().getRealm(row.getRealmId());
        session.getContext().setRealm(realm);
        Optional<PatientLink> link = new PatientLinks(session, realm).byId(linkId);
        Instant now = clock.instant();
        LinkTexts texts = new LinkTexts(session, realm);
        if (link.isEmpty() || link.get().status(now) != PatientLink.Status.ACTIVE) {
            finish(texts, row, TextState.FAILED, "link_ended", null);
            return;
        }
        Optional<String> code = SeededLinkCodes.withKey(session, realm, row.getKeyId(), linkId, row.getSeed());
        if (code.isEmpty()) {
            finish(texts, row, TextState.FAILED, "key_removed", null);
            return;
        }
        String to = link.get().mobile();
        ClusterWideLimit daily = TextedSecurityCode.textsToNumber(session.singleUseObjects(), realm, to,
                dailyLimits.textsPerNumberPerDay(realm));
        Optional<ClusterWideLimit.Slot> slot = daily.tryTake();
        if (slot.isEmpty()) {
            finish(texts, row, TextState.FAILED, "number_daily_limit", null);
            return;
        }
        String url = row.getUrlPattern().replace(LinkTexts.CODE_PLACEHOLDER, code.get());
        try {
            String messageId = MeteredSmsSender.of(session).sendForId(
                    LinkTextWording.message(session, realm, link.get().purpose(), Locale.forLanguageTag(row.getLocale()), to, url));
            finish(texts, row, TextState.SENT, null, messageId);
        } catch (SmsDeliveryException e) {
            slot.get().giveBack();
            String reason = e.reason().name().toLowerCase(Locale.ROOT);
            Optional<Duration> wait = options.retryAfter(e, row.getAttempts());
            if (wait.isPresent()) {
                queueAgain(texts, row, reason, wait.get());
            } else {
                finish(texts, row, TextState.FAILED, reason, null);
            }
        }
    }

    /** Back in the queue, seed and all, not before the wait is over; the issuer sees it queued with the reason. */
    private void queueAgain(LinkTexts texts, LinkTextEntity row, String reason, Duration wait) {
        long now = clock.millis();
        row.setState(TextState.QUEUED.value());
        row.setReason(reason);
        row.setLeaseUntil(null);
        row.setNextAttemptAt(now + wait.toMillis());
        row.setStateAt(now);
        texts.count(TextState.QUEUED, reason);
    }

    private void finish(LinkTexts texts, LinkTextEntity row, TextState state, String reason, String messageId) {
        row.setState(state.value());
        row.setReason(reason);
        row.setMessageId(messageId);
        row.setSeed(null);
        row.setLeaseUntil(null);
        row.setNextAttemptAt(null);
        row.setStateAt(clock.millis());
        texts.count(state, reason);
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
