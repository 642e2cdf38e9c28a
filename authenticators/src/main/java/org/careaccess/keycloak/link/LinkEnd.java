package org.careaccess.keycloak.link;

/**
 * When a link stops working: its expiry, or earlier when it was revoked or locked for good
 * before that. A link revoked after it had expired ended at its expiry. This moment is stored
 * (column ENDS_AT, epoch milliseconds) so that the retention purge finds ended links with an
 * index range scan; the purge still checks the moments themselves before it deletes a row.
 */
final class LinkEnd {

    private LinkEnd() {
    }

    static long of(long expiresAt, Long revokedAt, Long lockedOutAt) {
        long end = expiresAt;
        if (revokedAt != null) {
            end = Math.min(end, revokedAt);
        }
        if (lockedOutAt != null) {
            end = Math.min(end, lockedOutAt);
        }
        return end;
    }
}
