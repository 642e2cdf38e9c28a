package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.time.Duration;
import java.time.LocalDate;

import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** The SMS gateway (the SNS stand-in) fails: the patient sees "could not send" and can try again. */
@ExtendWith(CareAccessServer.class)
class SmsFailureIT {

    private static final LocalDate BORN = LocalDate.of(1990, 1, 31);

    private final LinkIssuerApi issuer = journey().issuer();

    @AfterEach
    void gatewayBehavesAgain() {
        CareAccessServer.sns().behave();
    }

    @Test
    void aFailedTextShowsTheCouldNotSendPageAndTryingAgainWorks() {
        IssuedLink link = issuer.issue(BORN);
        Page dateOfBirth = dateOfBirthOnASecondDevice(link);
        CareAccessServer.sns().failWith(500);

        Page failed = enterDateOfBirth(dateOfBirth, BORN);

        assertThat(failed.careaccessPage()).isEqualTo("sms-failed");
        assertThat(failed.status()).isLessThan(500);
        assertThat(failed.heading()).isEqualTo("We could not send a text message just now");
        CareAccessServer.sns().behave();
        Page code = failed.form().submit("resend");
        assertThat(code.careaccessPage()).isEqualTo("code");
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).as("the failed text counted nothing").hasSize(1);
        assertThat(journey().enterTextedCode(code, link).isRedirect()).isTrue();
        JsonNode events = CareAccessServer.admin().get("/realms/patients/events?type=CUSTOM_REQUIRED_ACTION_ERROR&max=200").expect(200).body();
        assertThat(PatientLinkFlowIT.event(events, "CUSTOM_REQUIRED_ACTION_ERROR", "careaccess_link_id", link.id())
                .path("details").path("careaccess_sms").asText()).isEqualTo("failed_unavailable");
    }

    @Test
    void aGatewayStallingTenSecondsShowsTheSamePageWithinTheSendTimeoutAndARetryWorks() {
        IssuedLink link = issuer.issue(BORN);
        Page dateOfBirth = dateOfBirthOnASecondDevice(link);
        CareAccessServer.sns().stallFor(Duration.ofSeconds(10));

        long started = System.nanoTime();
        Page failed = enterDateOfBirth(dateOfBirth, BORN);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failed.careaccessPage()).isEqualTo("sms-failed");
        // The send gives up after its timeout (3 s here), long before the gateway's 10 s.
        assertThat(waited).as("answered once the send timed out, not when the gateway did").isLessThan(Duration.ofSeconds(9));
        CareAccessServer.sns().behave();
        Page code = failed.form().submit("resend");
        assertThat(code.careaccessPage()).isEqualTo("code");
        assertThat(journey().enterTextedCode(code, link).isRedirect()).isTrue();
    }

    @Test
    void failedTextsCountNothingTowardsTheLinksFiveTextsAnHour() {
        IssuedLink link = issuer.issue(BORN);
        Page dateOfBirth = dateOfBirthOnASecondDevice(link);
        CareAccessServer.sns().failWith(503);
        Page page = enterDateOfBirth(dateOfBirth, BORN);
        for (int retry = 1; retry <= 5; retry++) {
            assertThat(page.careaccessPage()).as("failure " + retry).isEqualTo("sms-failed");
            page = page.form().submit("resend");
        }
        assertThat(page.careaccessPage()).isEqualTo("sms-failed");

        CareAccessServer.sns().behave();
        Page code = page.form().submit("resend");

        // Six failed sends and the seventh still goes: had the failures counted, the hourly limit (5) would refuse it.
        assertThat(code.careaccessPage()).isEqualTo("code");
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).hasSize(1);
        assertThat(journey().enterTextedCode(code, link).isRedirect()).isTrue();
    }

    /** Another browser used the link first, so this one will be texted a code after its date of birth. */
    private static Page dateOfBirthOnASecondDevice(IssuedLink link) {
        journey().signedInFirstDevice(link);
        return journey().open(CareAccessServer.browser(), link);
    }
}
