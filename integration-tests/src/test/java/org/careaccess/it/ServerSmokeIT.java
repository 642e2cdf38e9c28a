package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.careaccess.testkit.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** The bundle JAR is loaded for real: Keycloak lists its SPI and themes, and the realms are there. */
@ExtendWith({CareAccessServer.class, Screens.class})
class ServerSmokeIT {

    @Test
    void serverInfoListsTheSmsProviders() {
        JsonNode sms = CareAccessServer.admin().get("/serverinfo").expect(200).body().path("providers").path("careaccess-sms");

        assertThat(names(sms.path("providers"))).containsExactlyInAnyOrder("log", "sns", "notify");
    }

    @Test
    void serverInfoListsBothLoginAndEmailThemes() {
        JsonNode themes = CareAccessServer.admin().get("/serverinfo").expect(200).body().path("themes");

        for (String type : List.of("login", "email")) {
            List<String> names = new ArrayList<>();
            themes.path(type).forEach(theme -> names.add(theme.path("name").asText()));
            assertThat(names).as(type + " themes").contains("careaccess-patient", "careaccess-staff");
        }
    }

    @Test
    void thePatientAndStaffRealmsAreImportedWithTheirThemes() {
        assertThat(CareAccessServer.admin().get("/realms/patients").expect(200).body().path("loginTheme").asText())
                .isEqualTo("careaccess-patient");
        assertThat(CareAccessServer.admin().get("/realms/staff").expect(200).body().path("loginTheme").asText())
                .isEqualTo("careaccess-staff");
    }

    @Test
    void keycloaksOwnPagesTakeTheNhsLayoutAndItsStylesAreServedFromTheJar() {
        Page error = CareAccessServer.browser().open(CareAccessServer.server().realmUrl("patients")
                + "/protocol/openid-connect/auth?client_id=no-such-client&response_type=code");

        assertThat(error.document().select("header.nhsuk-header")).isNotEmpty();
        assertThat(error.document().select(".nhsuk-header__service-name").text()).isEqualTo("Riverside Surgery");
        String css = error.document().select("link[rel=stylesheet]").first().absUrl("href");
        Page stylesheet = CareAccessServer.browser().open(css);
        assertThat(stylesheet.status()).isEqualTo(200);
        assertThat(stylesheet.body()).contains(".nhsuk-header").doesNotContain("assets.nhs.uk");
    }

    @Test
    void keycloaksOwnErrorPageInTheNhsLayoutMeetsWcag22AA() {
        Screens.chromium().get(CareAccessServer.server().realmUrl("patients")
                + "/protocol/openid-connect/auth?client_id=no-such-client&response_type=code");

        Screens.assertAccessible("keycloak-error");
    }

    @Test
    void theServerLogHasNoErrors() {
        List<String> errors = CareAccessServer.server().log().lines().filter(line -> line.contains(" ERROR ")).toList();
        assertThat(errors).isEmpty();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
