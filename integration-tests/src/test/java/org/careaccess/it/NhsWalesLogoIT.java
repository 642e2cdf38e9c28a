package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;

import java.time.LocalDate;
import java.util.Map;

import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The header logo is a child theme's setting, {@code careaccessLogo}: the NHS logo by default, the
 * bilingual GIG Cymru | NHS Wales logo for NHS Wales services, or none. The child themes are the
 * tests' own (src/test/resources/themes), set as the login theme of a copy of the patients realm.
 */
@ExtendWith(CareAccessServer.class)
class NhsWalesLogoIT {

    private static final String REALM = "it-branding";
    private static final LocalDate BORN = LocalDate.of(1984, 3, 7);

    @BeforeAll
    static void realm() {
        journey().createRealmCopy(REALM, Map.of());
    }

    @AfterAll
    static void deleteRealm() {
        journey().deleteRealm(REALM);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en", "cy"})
    void anNhsWalesChildThemeShowsTheBilingualLogoWelshFirstInEitherLanguage(String language) {
        Page dob = datePage("it-nhs-wales", language);

        assertThat(dob.document().select("html").attr("lang")).isEqualTo(language);
        Element logo = headerLogo(dob);
        assertThat(logo.attr("aria-label")).isEqualTo("GIG Cymru NHS Wales");
        assertThat(logo.attr("role")).isEqualTo("img");
        assertThat(logo.selectFirst("title").text()).isEqualTo("GIG Cymru NHS Wales");
        assertThat(logo.select("text").eachText()).containsExactly("GIG Cymru", "NHS Wales");
        assertThat(logo.attr("height")).as("as tall as the NHS logo").isEqualTo("40");
        assertThat(dob.document().select("header svg")).hasSize(1);
    }

    @Test
    void theDefaultIsStillTheNhsLogo() {
        Element logo = headerLogo(datePage("careaccess-patient", "en"));

        assertThat(logo.attr("aria-label")).isEqualTo("NHS");
        assertThat(logo.select("text")).isEmpty();
    }

    @Test
    void noneShowsNoLogo() {
        Page dob = datePage("it-no-logo", "cy");

        assertThat(dob.document().select("header svg, header img")).isEmpty();
        assertThat(dob.document().selectFirst("header .nhsuk-header__service-name")).isNotNull();
    }

    @Test
    void aLogoChoiceTheThemesDoNotKnowFallsBackToTheNhsLogo() {
        assertThat(headerLogo(datePage("it-unknown-logo", "en")).attr("aria-label")).isEqualTo("NHS");
    }

    @Test
    void anOlderChildThemesNhsLogoFalseStillMeansNoLogo() {
        assertThat(datePage("it-no-nhs-logo", "en").document().select("header svg, header img")).isEmpty();
    }

    /** The date-of-birth page of a new link, with the realm's login theme set to {@code theme}. */
    private static Page datePage(String theme, String language) {
        CareAccessServer.admin().put("/realms/" + REALM, Map.of("realm", REALM, "loginTheme", theme)).expect(204);
        IssuedLink link = journey().issuer(REALM).issue(BORN);
        Page dob = journey().open(CareAccessServer.browser().acceptLanguage(language), link);
        assertThat(dob.careaccessPage()).isEqualTo("dob");
        return dob;
    }

    private static Element headerLogo(Page page) {
        Element logo = page.document().selectFirst("header .nhsuk-header__service-logo svg");
        assertThat(logo).as("a logo in the header").isNotNull();
        return logo;
    }
}
