package org.careaccess.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.careaccess.testkit.CareAccessInstall;
import org.careaccess.testkit.JsonApi;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keycloak 26.4 (latest patch on Maven Central, set in compat-tests/pom.xml) is not supported: the
 * JAR loads, but CareAccess calls APIs Keycloak added in 26.5. {@code AuthResult} became a record
 * ({@code user()}, {@code session()}; the old getters are deprecated for removal), identity
 * providers' callback moved to {@code UserAuthenticationIdentityProvider.AuthenticationCallback}
 * (NHS login, NHSmail), and {@code IdentityProviderQuery} (the staff sign-in page) is new. This
 * class pins what happens there, so the README's table stays true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Keycloak26_4IT {

    private CompatServer server;

    @BeforeAll
    void startThisVersion() {
        server = CompatServer.start("26-4");
    }

    @AfterAll
    void stopThisVersion() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theServerStartsWithTheBundleAndListsItsProviders() {
        server.assertRunsWithTheBundle();
    }

    @Test
    void theIssuerApiFailsOnTheAuthResultRecordOf26_5() {
        JsonApi.Answer answer = server.issuer().post(LinkIssuerApi.requestBody(LocalDate.of(1984, 3, 15), TestPatients.nextMobile(), null));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(server.log()).contains("java.lang.NoSuchMethodError: 'org.keycloak.models.UserModel org.keycloak.services.managers.AuthenticationManager$AuthResult.user()'");
    }

    @Test
    void theStaffSignInPageFailsOnAnIdentityProviderApiOf26_5() {
        Page signIn = server.browser().open(CareAccessInstall.staffPortal(server.url()).authorizationUri());

        assertThat(signIn.status()).isEqualTo(500);
        // Whichever of the two the page reaches first: both are new in 26.5.
        assertThat(server.log()).containsAnyOf("java.lang.NoClassDefFoundError: org/keycloak/models/IdentityProviderQuery",
                "java.lang.NoClassDefFoundError: org/keycloak/broker/provider/UserAuthenticationIdentityProvider$AuthenticationCallback");
    }
}
