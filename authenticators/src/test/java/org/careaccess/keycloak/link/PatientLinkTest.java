package org.careaccess.keycloak.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PatientLinkTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static PatientLink link(Instant expiresAt, Instant revokedAt) {
        return new PatientLink("id", "realm", "user", Purpose.DOCUMENT, null, "+447700900123", "issuer",
                NOW.minusSeconds(60), expiresAt, revokedAt, null);
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
    void purposesAreTheFourOfTheDesign() {
        assertThat(Purpose.allowedValues()).isEqualTo("appointment, questionnaire, document, message");
        assertThat(Purpose.of("banana")).isEmpty();
        assertThat(Purpose.of("QUESTIONNAIRE")).isEmpty();
    }
}
