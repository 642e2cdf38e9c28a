package org.careaccess.keycloak.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The lock columns of a CAREACCESS_PATIENT_LINK row, and the moments the link ended early (revoked,
 * locked for good) with ENDS_AT, mapped on their own so that only the code holding the row lock
 * writes them ({@link PatientLinks#lockForUpdate}); {@link PatientLinkEntity} only reads them.
 * Times are epoch milliseconds.
 */
@Entity
@Table(name = "CAREACCESS_PATIENT_LINK")
public class LinkLockEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, insertable = false, updatable = false)
    private String realmId;

    @Column(name = "WRONG_DATES", nullable = false)
    private int wrongDates;

    @Column(name = "WRONG_DATES_SINCE_LOCK", nullable = false)
    private int wrongDatesSinceLock;

    @Column(name = "LOCKS", nullable = false)
    private int locks;

    @Column(name = "LOCKED_UNTIL")
    private Long lockedUntil;

    @Column(name = "LOCKED_OUT_AT")
    private Long lockedOutAt;

    @Column(name = "EXPIRES_AT", insertable = false, updatable = false)
    private long expiresAt;

    @Column(name = "REVOKED_AT")
    private Long revokedAt;

    @Column(name = "ENDS_AT", nullable = false)
    private long endsAt;

    public LinkLockEntity() {
    }

    /** A row as loaded for a link expiring then (tests; Hibernate uses the constructor above). */
    LinkLockEntity(long expiresAt) {
        this.expiresAt = expiresAt;
        this.endsAt = expiresAt;
    }

    public String getId() {
        return id;
    }

    public String getRealmId() {
        return realmId;
    }

    public int getWrongDates() {
        return wrongDates;
    }

    public void setWrongDates(int wrongDates) {
        this.wrongDates = wrongDates;
    }

    public int getWrongDatesSinceLock() {
        return wrongDatesSinceLock;
    }

    public void setWrongDatesSinceLock(int wrongDatesSinceLock) {
        this.wrongDatesSinceLock = wrongDatesSinceLock;
    }

    public int getLocks() {
        return locks;
    }

    public void setLocks(int locks) {
        this.locks = locks;
    }

    public Long getLockedUntil() {
        return lockedUntil;
    }

    public void setLockedUntil(Long lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public Long getLockedOutAt() {
        return lockedOutAt;
    }

    /** Locks the link for good (or, with null, lifts that lock again), keeping ENDS_AT in step. */
    public void setLockedOutAt(Long lockedOutAt) {
        this.lockedOutAt = lockedOutAt;
        this.endsAt = LinkEnd.of(expiresAt, revokedAt, lockedOutAt);
    }

    public Long getRevokedAt() {
        return revokedAt;
    }

    /** Revokes the link at this moment, unless it was revoked before; true when this call revoked it. */
    boolean revoke(long now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        endsAt = LinkEnd.of(expiresAt, revokedAt, lockedOutAt);
        return true;
    }

    long getEndsAt() {
        return endsAt;
    }
}
