package org.careaccess.keycloak.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One row of CAREACCESS_PATIENT_LINK. Times are epoch milliseconds. */
@Entity
@Table(name = "CAREACCESS_PATIENT_LINK")
@NamedQueries({
        @NamedQuery(name = "careaccessLinkByCodeHash",
                query = "select l from PatientLinkEntity l where l.codeHash = :codeHash and l.realmId = :realmId"),
        @NamedQuery(name = "careaccessLinkByRequest",
                query = "select l from PatientLinkEntity l where l.realmId = :realmId and l.requestHash = :requestHash"
                        + " and l.createdAt >= :since order by l.createdAt desc"),
        @NamedQuery(name = "careaccessLinksLatestExpiryOfDevice",
                query = "select max(l.expiresAt) from PatientLinkEntity l where l.realmId = :realmId and l.deviceHash = :deviceHash"
                        + " and l.revokedAt is null and l.expiresAt > :now"),
        @NamedQuery(name = "careaccessLinksTrustingDevice",
                query = "select l from PatientLinkEntity l where l.realmId = :realmId and l.deviceHash = :deviceHash"
                        + " and l.revokedAt is null and l.expiresAt > :now"),
        @NamedQuery(name = "careaccessLinksDeleteByUser",
                query = "delete from PatientLinkEntity l where l.realmId = :realmId and l.userId = :userId"),
        @NamedQuery(name = "careaccessLinksDeleteByRealm",
                query = "delete from PatientLinkEntity l where l.realmId = :realmId"),
        // The retention purge: a range of IDX_CAREACCESS_LINK_ENDS (REALM_ID, ENDS_AT), in ENDS_AT order so
        // that each batch starts where the last one stopped instead of stepping over the rows it deleted.
        @NamedQuery(name = "careaccessLinksEndedBefore",
                query = "select l.id, l.userId, l.endsAt from PatientLinkEntity l where l.realmId = :realmId"
                        + " and l.endsAt >= :from and l.endsAt <= :cutoff and " + PatientLinkEntity.ENDED_BY_CUTOFF
                        + " order by l.endsAt"),
        @NamedQuery(name = "careaccessLinksDeleteEnded",
                query = "delete from PatientLinkEntity l where l.realmId = :realmId and l.id in :ids and " + PatientLinkEntity.ENDED_BY_CUTOFF),
        @NamedQuery(name = "careaccessLinksUsersWithLinks",
                query = "select distinct l.userId from PatientLinkEntity l where l.realmId = :realmId and l.userId in :userIds")
})
public class PatientLinkEntity {

    /** Expired, revoked or locked for good at or before {@code :cutoff}, whatever ENDS_AT says. */
    static final String ENDED_BY_CUTOFF = "(l.expiresAt <= :cutoff or l.revokedAt <= :cutoff or l.lockedOutAt <= :cutoff)";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "CODE_HASH", length = 64, nullable = false)
    private String codeHash;

    @Column(name = "PURPOSE", length = 32, nullable = false)
    private String purpose;

    @Column(name = "RESOURCE_REF", length = 256)
    private String resource;

    @Column(name = "MOBILE", length = 20, nullable = false)
    private String mobile;

    @Column(name = "ISSUED_BY", length = 255)
    private String issuedBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    /** Written only by {@link LinkLockEntity} under the row lock, with ENDS_AT. */
    @Column(name = "REVOKED_AT", insertable = false, updatable = false)
    private Long revokedAt;

    /** When the link stops working ({@link LinkEnd}): its expiry at first; then kept by {@link LinkLockEntity}. */
    @Column(name = "ENDS_AT", nullable = false, updatable = false)
    private long endsAt;

    /** SHA-256 of the issuing client and its requestId, hex: finds the link a retried request issued. */
    @Column(name = "REQUEST_HASH", length = 64)
    private String requestHash;

    @Column(name = "DEVICE_HASH", length = 64)
    private String deviceHash;

    @Column(name = "DEVICE_BOUND_AT")
    private Long deviceBoundAt;

    @Column(name = "DEVICE_BOUND_BY", length = 16)
    private String deviceBoundBy;

    /** Read here, written only by {@link LinkLockEntity} under the row lock: a stale copy must never write it back. */
    @Column(name = "LOCKED_UNTIL", insertable = false, updatable = false)
    private Long lockedUntil;

    @Column(name = "LOCKED_OUT_AT", insertable = false, updatable = false)
    private Long lockedOutAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public void setCodeHash(String codeHash) {
        this.codeHash = codeHash;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public void setIssuedBy(String issuedBy) {
        this.issuedBy = issuedBy;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long getRevokedAt() {
        return revokedAt;
    }

    public long getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(long endsAt) {
        this.endsAt = endsAt;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public void setRequestHash(String requestHash) {
        this.requestHash = requestHash;
    }

    public String getDeviceHash() {
        return deviceHash;
    }

    public void setDeviceHash(String deviceHash) {
        this.deviceHash = deviceHash;
    }

    public Long getDeviceBoundAt() {
        return deviceBoundAt;
    }

    public void setDeviceBoundAt(Long deviceBoundAt) {
        this.deviceBoundAt = deviceBoundAt;
    }

    public String getDeviceBoundBy() {
        return deviceBoundBy;
    }

    public void setDeviceBoundBy(String deviceBoundBy) {
        this.deviceBoundBy = deviceBoundBy;
    }

    public Long getLockedUntil() {
        return lockedUntil;
    }

    public Long getLockedOutAt() {
        return lockedOutAt;
    }
}
