package org.careaccess.keycloak.link;

import java.time.Instant;
import java.util.Optional;

/**
 * A patient link as the flows and the issuer API see it. Holds no code: only the code's hash is
 * stored, and nothing here can recreate the link's URL.
 */
public record PatientLink(String id, String realmId, String userId, Purpose purpose, String resource, String mobile,
                          String issuedBy, Instant createdAt, Instant expiresAt, Instant revokedAt, TrustedDevice trustedDevice,
                          Instant lockedUntil, Instant lockedOutAt) {

    /** Where a link stands now. */
    public enum Status {
        ACTIVE, EXPIRED, REVOKED,
        /** Too many wrong dates of birth in the link's life: locked for good. */
        LOCKED
    }

    /** The one browser the link trusts: its cookie's hash, when and how it was bound. */
    public record TrustedDevice(String cookieHash, Instant boundAt, DeviceBinding boundBy) {
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (lockedOutAt != null) {
            return Status.LOCKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    public boolean isActive(Instant now) {
        return status(now) == Status.ACTIVE;
    }

    /** When a lock for a while (not for good) ends, while it lasts. */
    public Optional<Instant> lockedUntil(Instant now) {
        return Optional.ofNullable(lockedUntil).filter(now::isBefore);
    }

    public Optional<TrustedDevice> device() {
        return Optional.ofNullable(trustedDevice);
    }

    static PatientLink of(PatientLinkEntity e) {
        TrustedDevice device = e.getDeviceHash() == null ? null : new TrustedDevice(e.getDeviceHash(),
                instant(e.getDeviceBoundAt()), DeviceBinding.of(e.getDeviceBoundBy()).orElse(null));
        return new PatientLink(e.getId(), e.getRealmId(), e.getUserId(), Purpose.of(e.getPurpose()).orElseThrow(),
                e.getResource(), e.getMobile(), e.getIssuedBy(), instant(e.getCreatedAt()), instant(e.getExpiresAt()),
                instant(e.getRevokedAt()), device, instant(e.getLockedUntil()), instant(e.getLockedOutAt()));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
