package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.time.LocalDate;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keycloak's own pages (errors, expired pages, signing out) come from its base theme with its own
 * messages, and Keycloak ships no Welsh: these pages show the themes' Welsh (and plain English).
 * Which keys need Welsh is derived in KeycloakMessagesInWelshTest; this checks a few on the server.
 */
@ExtendWith(CareAccessServer.class)
class KeycloakPagesInWelshIT {

    private static final LocalDate BORN = LocalDate.of(1979, 11, 2);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | Sorry, there is a problem | Sorry, there is a problem with the service you came from, so it cannot sign you in here.",
            "cy | Mae'n ddrwg gennym, mae problem wedi codi | Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth y daethoch ohono, felly ni all eich mewngofnodi yma."})
    void aSignInFromAnUnknownServiceIsRefusedInPlainWordsInTheBrowsersLanguage(String language, String heading, String explanation) {
        Browser browser = CareAccessServer.browser().acceptLanguage(language);

        Page error = browser.open(CareAccessServer.server().url() + "/realms/patients/protocol/openid-connect/auth"
                + "?client_id=no-such-service&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fportal.example.org%2F");

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.document().select("html").attr("lang")).isEqualTo(language);
        assertThat(error.heading()).isEqualTo(heading);
        assertThat(error.title()).as("the tab title, after the error prefix").contains(heading + " – ");
        assertThat(error.text()).contains(explanation).doesNotContain("Client not found");
    }

    @Test
    void signingOutIsAskedAndConfirmedInWelsh() {
        Browser browser = CareAccessServer.browser().acceptLanguage("cy");

        Page confirm = browser.open(CareAccessServer.server().url() + "/realms/staff/protocol/openid-connect/logout");
        Page done = confirm.form().submit("confirmLogout");

        assertThat(confirm.text()).contains("Ydych chi eisiau allgofnodi?").doesNotContain("Do you want to log out?");
        assertThat(confirm.form().element().select("input[name=confirmLogout]").attr("value")).isEqualTo("Allgofnodi");
        assertThat(done.text()).contains("Rydych wedi allgofnodi").doesNotContain("You are logged out");
    }

    @Test
    void anOldDateOfBirthFormSentAgainGetsTheExpiredPageInWelsh() {
        IssuedLink link = journey().issuer().issue(BORN);
        journey().signedInFirstDevice(link);
        Browser laptop = CareAccessServer.browser().acceptLanguage("cy");
        Page dob = journey().open(laptop, link);
        assertThat(enterDateOfBirth(dob, BORN).careaccessPage()).isEqualTo("code");

        Page expired = enterDateOfBirth(dob, BORN);

        assertThat(expired.status()).isLessThan(500);
        assertThat(expired.document().select("html").attr("lang")).isEqualTo("cy");
        assertThat(expired.heading()).as("an apostrophe escaped once, not twice").isEqualTo("Mae'r dudalen hon wedi dod i ben");
        assertThat(expired.text()).doesNotContain("expired");
    }
}
