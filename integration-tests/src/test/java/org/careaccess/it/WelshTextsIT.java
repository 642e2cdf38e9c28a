package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.time.LocalDate;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.SecurityCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The security code is texted in the language of the sign-in page, with the origin-bound line unchanged. */
@ExtendWith(CareAccessServer.class)
class WelshTextsIT {

    private static final LocalDate BORN = LocalDate.of(1979, 6, 2);

    private final LinkIssuerApi issuer = journey().issuer();

    @Test
    void aPatientSigningInInWelshGetsTheCodeInWelsh() {
        IssuedLink link = issuer.issue(BORN);
        journey().signedInFirstDevice(link);

        Page code = enterDateOfBirth(journey().open(CareAccessServer.browser().acceptLanguage("cy"), link), BORN);

        assertThat(code.careaccessPage()).isEqualTo("code");
        assertThat(code.heading()).isEqualTo("Gwiriwch eich ffôn");
        String text = latestTextTo(link.mobileE164());
        String sent = SecurityCodes.in(text);
        assertThat(text).startsWith(sent + " yw eich cod diogelwch ").contains("Peidiwch â'i rannu.")
                .doesNotContain("security code").endsWith("\n\n@localhost #" + sent);
        assertThat(journey().enterTextedCode(code, link).isRedirect()).isTrue();
    }

    @Test
    void aPatientSigningInInEnglishGetsTheCodeInEnglish() {
        IssuedLink link = issuer.issue(BORN);
        journey().signedInFirstDevice(link);

        Page code = enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN);

        String text = latestTextTo(link.mobileE164());
        String sent = SecurityCodes.in(text);
        assertThat(text).startsWith(sent + " is your ").contains(" security code. Do not share it.")
                .endsWith("\n\n@localhost #" + sent);
        assertThat(code.heading()).isEqualTo("Check your phone");
    }

    @Test
    void choosingWelshOnThePageBeforeTheCodeIsSentTextsItInWelsh() {
        IssuedLink link = issuer.issue(BORN);
        journey().signedInFirstDevice(link);
        Browser laptop = CareAccessServer.browser();
        Page dobInEnglish = journey().open(laptop, link);
        Page dobInWelsh = laptop.open(dobInEnglish.document().select("a[hreflang=cy]").attr("abs:href"));

        assertThat(dobInWelsh.document().select("html").attr("lang")).isEqualTo("cy");
        enterDateOfBirth(dobInWelsh, BORN);

        assertThat(latestTextTo(link.mobileE164())).contains(" yw eich cod diogelwch ");
    }

    private static String latestTextTo(String e164) {
        String text = CareAccessServer.sns().latestTextTo(e164);
        assertThat(text).as("a text to " + e164).isNotNull();
        return text;
    }
}
