package org.careaccess.keycloak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakTransaction;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CareAccessMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CareAccessMeters meters = new CareAccessMeters(registry);

    @Test
    void aSentTextCountsAndTimesByProvider() {
        meters.smsSend("sns", null, Duration.ofMillis(120));

        assertThat(registry.get("careaccess.sms.sent").tag("provider", "sns").counter().count()).isEqualTo(1);
        Timer timer = registry.get("careaccess.sms.send").tags("provider", "sns", "outcome", "sent").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(120);
    }

    @Test
    void aFailedTextCountsItsReasonAndAnUnknownProviderIsOther() {
        meters.smsSend("acme-gateway", "timed_out", Duration.ofSeconds(5));

        assertThat(registry.get("careaccess.sms.failed").tags("provider", "other", "reason", "timed_out").counter().count()).isEqualTo(1);
        assertThat(registry.find("careaccess.sms.sent").counters()).isEmpty();
    }

    @Test
    void unknownLabelValuesBecomeOther() {
        meters.codeChecked("patients", "visitor", "ACCEPTED");
        meters.supportReset(null, "reset");
        meters.link("patients", "07700900123");

        assertThat(registry.get("careaccess.codes.checked").tags("audience", "other", "outcome", "accepted").counter().count()).isEqualTo(1);
        assertThat(registry.get("careaccess.support.resets").tags("realm", "other").counter().count()).isEqualTo(1);
        assertThat(registry.get("careaccess.links").tags("event", "other").counter().count()).isEqualTo(1);
    }

    @Test
    void aLinkTextCountsByRealmStateAndReasonFromClosedSets() {
        meters.linkText("patients", "queued", null);
        meters.linkText("patients", "not_delivered", "permanent-failure");
        meters.linkText("patients", "failed", "timed_out");
        meters.linkText("patients", "lost", "the gateway said 07700900123 is off");

        assertThat(registry.get("careaccess.link.texts").tags("realm", "patients", "state", "queued", "reason", "none").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("careaccess.link.texts").tags("state", "not_delivered", "reason", "permanent-failure").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("careaccess.link.texts").tags("state", "failed", "reason", "timed_out").counter().count()).isEqualTo(1);
        assertThat(registry.get("careaccess.link.texts").tags("state", "other", "reason", "other").counter().count()).isEqualTo(1);
    }

    @Test
    void whatIsCountedOnCommitCountsOnlyWhenTheTransactionCommits() {
        KeycloakTransaction committed = CareAccessMeters.countedOnCommit(() -> meters, m -> m.linkText("patients", "sent", null));
        KeycloakTransaction rolledBack = CareAccessMeters.countedOnCommit(() -> meters, m -> m.linkText("patients", "queued", null));
        committed.begin();
        rolledBack.begin();
        assertThat(registry.find("careaccess.link.texts").counters()).isEmpty();

        committed.commit();
        rolledBack.rollback();

        assertThat(registry.get("careaccess.link.texts").tags("state", "sent").counter().count()).isEqualTo(1);
        assertThat(registry.find("careaccess.link.texts").tags("state", "queued").counters()).isEmpty();
    }

    @Test
    void amrIsSortedAndJoined() {
        assertThat(CareAccessMeters.amr(List.of("sms", "dob"))).isEqualTo("dob+sms");
        assertThat(CareAccessMeters.amr(List.of("nhslogin"))).isEqualTo("nhslogin");
        assertThat(CareAccessMeters.amr(List.of())).isEqualTo("other");
        assertThat(CareAccessMeters.amr(List.of("dob", "pwd"))).isEqualTo("other");
    }

    @Test
    void onlyAPlainRealmNameIsALabel() {
        assertThat(CareAccessMeters.realm("patients")).isEqualTo("patients");
        assertThat(CareAccessMeters.realm("a\"b")).isEqualTo("other");
        assertThat(CareAccessMeters.realm("x".repeat(65))).isEqualTo("other");
    }
}
