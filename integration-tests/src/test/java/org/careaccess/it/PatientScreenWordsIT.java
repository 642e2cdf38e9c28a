package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.careaccess.testkit.Browser;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every patient screen, and Keycloak's own error page, in English and in Welsh: the title and
 * the visible text never show an escaped entity ({@code &#39;}, {@code &amp;#}) as text, and
 * Keycloak's own error reasons are Welsh on a Welsh page.
 */
@ExtendWith(CareAccessServer.class)
class PatientScreenWordsIT {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 15);

    static Stream<Arguments> screens() {
        Map<String, Function<Browser, Page>> screens = new java.util.LinkedHashMap<>();
        screens.put("dob", browser -> journey().open(browser, issue()));
        screens.put("dob with an error", browser -> enterDateOfBirth(journey().open(browser, issue()), "", "3", "1984"));
        screens.put("details do not match", browser -> enterDateOfBirth(journey().open(browser, issue()), BORN.plusDays(1)));
        screens.put("code", browser -> codePage(browser));
        screens.put("code with an error", browser -> codePage(browser).form().set("code", "000000").submit());
        screens.put("link-invalid", browser -> journey().openUrl(browser, CareAccessServer.server().realmUrl("patients")
                + "/careaccess/l/AAAAAAAAAAAAAAAAAAAAAA"));
        screens.put("link-other-patient", browser -> {
            IssuedLink first = issue();
            enterDateOfBirth(journey().open(browser, first), BORN);
            return journey().open(browser, journey().issuer().issue(BORN.plusYears(1)));
        });
        screens.put("patient-signin", browser -> browser.open(journey().portal().authorizationUri()));
        screens.put("Keycloak's error page", browser -> browser.open(URI.create(CareAccessServer.server().realmUrl("patients")
                + "/protocol/openid-connect/auth?client_id=patient-portal&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fevil.example%2F")));
        return Screens.inEnglishAndWelsh(screens);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("screens")
    void titleAndTextShowNoEscapedEntity(String screen, String language, Function<Browser, Page> open) {
        Page page = open.apply(CareAccessServer.browser().acceptLanguage(language));

        Screens.assertWordsIn(page, screen, language);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "client_id=patient-portal&redirect_uri=https%3A%2F%2Fevil.example%2F, nid oedd y cais yn ddilys (redirect_uri), Invalid parameter",
            "client_id=no-such-client, felly ni all eich mewngofnodi yma, Client not found"})
    void keycloaksOwnErrorReasonsAreWelshOnWelshPages(String parameters, String welsh, String english) {
        Page page = CareAccessServer.browser().acceptLanguage("cy").open(URI.create(CareAccessServer.server().realmUrl("patients")
                + "/protocol/openid-connect/auth?response_type=code&scope=openid&" + parameters));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.text()).contains(welsh).doesNotContain(english);
    }

    private static IssuedLink issue() {
        return journey().issuer().issue(BORN);
    }

    /** The code page: a second device, after the first one was trusted. */
    private static Page codePage(Browser browser) {
        IssuedLink link = issue();
        journey().signedInFirstDevice(link);
        return enterDateOfBirth(journey().open(browser, link), BORN);
    }
}
