package org.careaccess.keycloak.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PatientLinkTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static PatientLink link(Instant expiresAt, Instant revokedAt) {
        return link(expiresAt, revokedAt, null, null);
    }

    private static PatientLink link(Instant expiresAt, Instant revokedAt, Instant lockedUntil, Instant lockedOutAt) {
        return new PatientLink("id", "realm", "user", Purpose.DOCUMENT, null, "+447700900123", "issuer",
                NOW.minusSeconds(60), expiresAt, revokedAt, null, lockedUntil, lockedOutAt);
    }

    @Test
    void aLinkBeforeItsExpiryIsActive() {
        assertThat(link(NOW.plusSeconds(1), null).status(NOW)).isEqualTo(PatientLink.Status.ACTIVE);
    }

    @Test
    void aLinkAtOrAfterItsExpiryHasExpired() {
        assertThat(link(NOW, null).status(NOW)).isEqualTo(PatientLink.Status.EXPIRED);
        assertThat(link(NOW.minusSeconds(1), null).isActive(NOW)).isFalse();
    }

    @Test
    void revokedWinsOverEverything() {
        assertThat(link(NOW.plusSeconds(3600), NOW.minusSeconds(1)).status(NOW)).isEqualTo(PatientLink.Status.REVOKED);
        assertThat(link(NOW.minusSeconds(1), NOW.minusSeconds(1)).status(NOW)).isEqualTo(PatientLink.Status.REVOKED);
    }

    @Test
    void aLinkLockedForGoodIsLockedUntilItIsRevoked() {
        assertThat(link(NOW.plusSeconds(3600), null, null, NOW.minusSeconds(1)).status(NOW)).isEqualTo(PatientLink.Status.LOCKED);
        assertThat(link(NOW.minusSeconds(1), null, null, NOW.minusSeconds(1)).status(NOW)).isEqualTo(PatientLink.Status.LOCKED);
        assertThat(link(NOW.plusSeconds(3600), NOW, null, NOW.minusSeconds(1)).status(NOW)).isEqualTo(PatientLink.Status.REVOKED);
    }

    @Test
    void aLinkLockedForAWhileStaysActiveAndSaysUntilWhen() {
        PatientLink locked = link(NOW.plusSeconds(3600), null, NOW.plusSeconds(900), null);

        assertThat(locked.status(NOW)).isEqualTo(PatientLink.Status.ACTIVE);
        assertThat(locked.lockedUntil(NOW)).contains(NOW.plusSeconds(900));
        assertThat(locked.lockedUntil(NOW.plusSeconds(900))).as("the lock has ended").isEmpty();
    }

    @Test
    void purposesAreTheFourOfTheDesign() {
        assertThat(Purpose.allowedValues()).isEqualTo("appointment, questionnaire, document, message");
        assertThat(Purpose.of("banana")).isEmpty();
        assertThat(Purpose.of("QUESTIONNAIRE")).isEmpty();
    }
}
