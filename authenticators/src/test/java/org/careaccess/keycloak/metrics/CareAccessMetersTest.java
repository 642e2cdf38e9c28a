package org.careaccess.keycloak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

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
