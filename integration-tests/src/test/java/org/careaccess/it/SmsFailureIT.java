package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.careaccess.testkit.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** The SMS gateway (the SNS stand-in) fails: the patient sees "could not send" and can try again. */
@ExtendWith(CareAccessServer.class)
class SmsFailureIT {

    private static final LocalDate BORN = LocalDate.of(1990, 1, 31);

    private final LinkIssuer issuer = LinkIssuer.patientsRealm();

    @AfterEach
    void gatewayBehavesAgain() {
        CareAccessServer.sns().behave();
    }

    @Test
    void aFailedTextShowsTheCouldNotSendPageAndTryingAgainWorks() {
        LinkIssuer.IssuedLink link = issuer.issue(BORN);
        PatientLinks.signedInFirstDevice(link);
        CareAccessServer.sns().failWith(500);

        Page failed = PatientLinks.enterDateOfBirth(PatientLinks.open(CareAccessServer.browser(), link), BORN);

        assertThat(failed.careaccessPage()).isEqualTo("sms-failed");
        assertThat(failed.status()).isLessThan(500);
        assertThat(failed.heading()).isEqualTo("We could not send a text message just now");
        CareAccessServer.sns().behave();
        Page code = failed.form().submit("resend");
        assertThat(code.careaccessPage()).isEqualTo("code");
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).as("the failed text counted nothing").hasSize(1);
        assertThat(PatientLinks.enterTextedCode(code, link).isRedirect()).isTrue();
        JsonNode events = CareAccessServer.admin().get("/realms/patients/events?type=CUSTOM_REQUIRED_ACTION_ERROR&max=200").expect(200).body();
        assertThat(PatientLinkFlowIT.event(events, "CUSTOM_REQUIRED_ACTION_ERROR", "careaccess_link_id", link.id())
                .path("details").path("careaccess_sms").asText()).isEqualTo("failed_unavailable");
    }

    @Test
    void aGatewayThatDoesNotAnswerInTimeShowsTheSamePage() {
        LinkIssuer.IssuedLink link = issuer.issue(BORN);
        PatientLinks.signedInFirstDevice(link);
        CareAccessServer.sns().stallFor(Duration.ofMillis(CareAccessServer.SMS_TIMEOUT_MILLIS + 2000));

        Page failed = PatientLinks.enterDateOfBirth(PatientLinks.open(CareAccessServer.browser(), link), BORN);

        assertThat(failed.careaccessPage()).isEqualTo("sms-failed");
    }
}
