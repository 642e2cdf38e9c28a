package org.careaccess.keycloak.link;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.careaccess.keycloak.metrics.CareAccessMeters;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The patient links of one realm: issue, look up by code or id, revoke, and remember the one
 * trusted device. Every read and write goes to the database, so every node of a cluster sees the
 * same links.
 */
public final class PatientLinks {

    /** A link just issued: the only moment its code exists outside the patient's phone. */
    public record IssuedLink(PatientLink link, String code) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    public PatientLinks(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public IssuedLink issue(UserModel patient, Purpose purpose, String resource, String mobileE164, Instant expiresAt, String issuedBy) {
        return issue(KeycloakModelUtils.generateId(), LinkCodes.newCode(), null, patient, purpose, resource, mobileE164, expiresAt, issuedBy);
    }

    /** A new link id, for a link whose code is made from it ({@link SeededLinkCodes}). */
    public static String newId() {
        return KeycloakModelUtils.generateId();
    }

    /**
     * Issues a link with this id and code; {@code requestHash} (or null) lets {@link #byRequest} find
     * it again when its request is retried.
     */
    public IssuedLink issue(String id, String code, String requestHash, UserModel patient, Purpose purpose, String resource,
                            String mobileE164, Instant expiresAt, String issuedBy) {
        PatientLinkEntity entity = new PatientLinkEntity();
        entity.setId(id);
        entity.setRequestHash(requestHash);
        entity.setRealmId(realm.getId());
        entity.setUserId(patient.getId());
        entity.setCodeHash(LinkCodes.hash(code));
        entity.setPurpose(purpose.value());
        entity.setResource(resource);
        entity.setMobile(mobileE164);
        entity.setIssuedBy(issuedBy);
        entity.setCreatedAt(Instant.now().toEpochMilli());
        entity.setExpiresAt(expiresAt.toEpochMilli());
        entity.setEndsAt(expiresAt.toEpochMilli());
        em().persist(entity);
        // On commit: a batch's chunk that rolls back issues its links again.
        String realmName = realm.getName();
        CareAccessMeters.onCommit(session, meters -> meters.link(realmName, "issued"));
        return new IssuedLink(PatientLink.of(entity), code);
    }

    /** The link a code opens, whatever its status; empty for a malformed or unknown code. */
    public Optional<PatientLink> byCode(String code) {
        if (!LinkCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        return em().createNamedQuery("careaccessLinkByCodeHash", PatientLinkEntity.class)
                .setParameter("codeHash", LinkCodes.hash(code))
                .setParameter("realmId", realm.getId())
                .getResultStream().findFirst().map(PatientLink::of);
    }

    /** A link issued for this request hash since then, and its code's hash; the latest if several. */
    public Optional<Requested> byRequest(String requestHash, Instant since) {
        return em().createNamedQuery("careaccessLinkByRequest", PatientLinkEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("requestHash", requestHash)
                .setParameter("since", since.toEpochMilli())
                .setMaxResults(1)
                .getResultStream().findFirst().map(e -> new Requested(PatientLink.of(e), e.getCodeHash()));
    }

    /** A link found by its request: the link, and its code's hash to check a remade code against. */
    public record Requested(PatientLink link, String codeHash) {
    }

    public Optional<PatientLink> byId(String id) {
        return entity(id).map(PatientLink::of);
    }

    /**
     * Revokes the link for good and ends every session it opened (again, when it was revoked
     * before); false when there is no such link in this realm.
     */
    public boolean revoke(String id) {
        Optional<PatientLink> link = byId(id);
        long now = Instant.now().toEpochMilli();
        // Under the row lock, as a lock-out is written: REVOKED_AT and ENDS_AT change together.
        link.flatMap(l -> lockForUpdate(l.id(), row -> {
            if (row.revoke(now)) {
                CareAccessMeters.keycloak().link(realm.getName(), "revoked");
            }
            return row;
        })).ifPresent(row -> new LinkSessions(session, realm).endAll(link.get()));
        return link.isPresent();
    }

    /** Makes this cookie hash the link's one trusted device, replacing any other. */
    public void trustDevice(String linkId, String cookieHash, DeviceBinding how) {
        entity(linkId).ifPresent(e -> {
            e.setDeviceHash(cookieHash);
            e.setDeviceBoundAt(Instant.now().toEpochMilli());
            e.setDeviceBoundBy(how.value());
        });
    }

    /**
     * Moves the trust of this realm's active links from one device to another (a browser's cookie
     * value replaced by a fresh one); revoked and expired links keep the old hash and trust nothing.
     */
    public void moveDevice(String fromCookieHash, String toCookieHash) {
        em().createNamedQuery("careaccessLinksTrustingDevice", PatientLinkEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("deviceHash", fromCookieHash)
                .setParameter("now", Instant.now().toEpochMilli())
                .getResultStream().forEach(e -> e.setDeviceHash(toCookieHash));
    }

    /** The latest expiry among this realm's active links that trust this device; empty when none does. */
    public Optional<Instant> latestExpiryTrusting(String cookieHash) {
        Long latest = em().createNamedQuery("careaccessLinksLatestExpiryOfDevice", Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("deviceHash", cookieHash)
                .setParameter("now", Instant.now().toEpochMilli())
                .getSingleResult();
        return Optional.ofNullable(latest).map(Instant::ofEpochMilli);
    }

    /**
     * Applies this change to the link's lock columns holding the row lock (SELECT ... FOR UPDATE),
     * in a transaction of its own that commits before this returns: concurrent callers on any node
     * queue on the row and each sees the one before, and what was counted stays counted whatever
     * this request does next. Empty when there is no such link in this realm. Call it before this
     * request's own transaction writes the row, or the two would wait for each other.
     */
    public <T> Optional<T> lockForUpdate(String id, Function<LinkLockEntity, T> change) {
        String realmId = realm.getId();
        return Optional.ofNullable(KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
            LinkLockEntity row = own.getProvider(JpaConnectionProvider.class).getEntityManager()
                    .find(LinkLockEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            return row == null || !realmId.equals(row.getRealmId()) ? null : change.apply(row);
        }));
    }

    /** A link the retention purge may delete: its id, its patient, and when it ended. */
    public record EndedLink(String id, String userId, long endsAt) {
    }

    /**
     * Up to {@code max} links of this realm that ended (expired, were revoked or locked for good)
     * at or before {@code cutoff} and not before {@code from} (epoch milliseconds), earliest first.
     */
    public List<EndedLink> endedBefore(Instant cutoff, long from, int max) {
        return em().createNamedQuery("careaccessLinksEndedBefore", Object[].class)
                .setParameter("realmId", realm.getId())
                .setParameter("from", from)
                .setParameter("cutoff", cutoff.toEpochMilli())
                .setMaxResults(max)
                .getResultStream()
                .map(row -> new EndedLink((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    /** Deletes these links (their trusted device goes with them) if they ended at or before {@code cutoff}; returns how many. */
    public int deleteEnded(Collection<String> ids, Instant cutoff) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em().createNamedQuery("careaccessLinksDeleteEnded")
                .setParameter("realmId", realm.getId())
                .setParameter("ids", ids)
                .setParameter("cutoff", cutoff.toEpochMilli())
                .executeUpdate();
    }

    /** Those of these patients who still have a link in this realm, whatever its status. */
    public Set<String> patientsWithLinks(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em().createNamedQuery("careaccessLinksUsersWithLinks", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userIds", userIds)
                .getResultList());
    }

    private Optional<PatientLinkEntity> entity(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(em().find(PatientLinkEntity.class, id)).filter(e -> realm.getId().equals(e.getRealmId()));
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
