package org.careaccess.keycloak.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LinkEndTest {

    private static final long EXPIRES = 1_000_000L;

    @Test
    void aLinkNeitherRevokedNorLockedEndsWhenItExpires() {
        assertThat(LinkEnd.of(EXPIRES, null, null)).isEqualTo(EXPIRES);
    }

    @Test
    void aLinkRevokedBeforeItExpiredEndedWhenItWasRevoked() {
        assertThat(LinkEnd.of(EXPIRES, EXPIRES - 10, null)).isEqualTo(EXPIRES - 10);
    }

    @Test
    void aLinkRevokedAfterItExpiredEndedWhenItExpired() {
        assertThat(LinkEnd.of(EXPIRES, EXPIRES + 10, null)).isEqualTo(EXPIRES);
    }

    @Test
    void aLinkLockedForGoodEndedWhenItWasLocked() {
        assertThat(LinkEnd.of(EXPIRES, null, EXPIRES - 20)).isEqualTo(EXPIRES - 20);
    }

    @Test
    void aLinkLockedThenRevokedEndedAtTheEarlierOfTheTwo() {
        assertThat(LinkEnd.of(EXPIRES, EXPIRES - 5, EXPIRES - 20)).isEqualTo(EXPIRES - 20);
        assertThat(LinkEnd.of(EXPIRES, EXPIRES - 20, EXPIRES - 5)).isEqualTo(EXPIRES - 20);
    }

    /** The row keeps ENDS_AT in step with what ends the link, under the row lock. */
    @Nested
    class TheLockRow {

        private final LinkLockEntity row = new LinkLockEntity(EXPIRES);

        @Test
        void revokingEndsTheLinkNow() {
            row.revoke(EXPIRES - 100);

            assertThat(row.getRevokedAt()).isEqualTo(EXPIRES - 100);
            assertThat(row.getEndsAt()).isEqualTo(EXPIRES - 100);
        }

        @Test
        void revokingAgainKeepsTheFirstRevocation() {
            row.revoke(EXPIRES - 100);
            row.revoke(EXPIRES - 50);

            assertThat(row.getRevokedAt()).isEqualTo(EXPIRES - 100);
            assertThat(row.getEndsAt()).isEqualTo(EXPIRES - 100);
        }

        @Test
        void revokingAnExpiredLinkLeavesItEndedAtItsExpiry() {
            row.revoke(EXPIRES + 100);

            assertThat(row.getEndsAt()).isEqualTo(EXPIRES);
        }

        @Test
        void lockingForGoodEndsTheLinkThenAndLiftingTheLockRestoresItsExpiry() {
            row.setLockedOutAt(EXPIRES - 300);
            assertThat(row.getEndsAt()).isEqualTo(EXPIRES - 300);

            row.setLockedOutAt(null);
            assertThat(row.getEndsAt()).isEqualTo(EXPIRES);
        }

        @Test
        void liftingALockOnARevokedLinkLeavesItEndedAtItsRevocation() {
            row.revoke(EXPIRES - 100);
            row.setLockedOutAt(EXPIRES - 300);
            row.setLockedOutAt(null);

            assertThat(row.getEndsAt()).isEqualTo(EXPIRES - 100);
        }
    }
}
