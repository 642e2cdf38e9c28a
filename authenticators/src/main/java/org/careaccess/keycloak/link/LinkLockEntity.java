package org.careaccess.keycloak.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The lock columns of a CAREACCESS_PATIENT_LINK row, mapped on their own so that only the code
 * holding the row lock writes them ({@link PatientLinks#lockForUpdate}); {@link PatientLinkEntity}
 * only reads them. Times are epoch milliseconds.
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

    public void setLockedOutAt(Long lockedOutAt) {
        this.lockedOutAt = lockedOutAt;
    }
}
