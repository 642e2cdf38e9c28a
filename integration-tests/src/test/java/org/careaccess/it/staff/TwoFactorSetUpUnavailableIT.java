package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.careaccess.it.CareAccessServer;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Two-factor authentication fails closed: when the realm's {@code careaccess-2fa-setup} action is
 * disabled or not registered, someone without a second factor is refused after the password
 * (Keycloak itself would skip the step and sign them in with the password alone). Realm-wide
 * settings, so each case runs in its own copy of the staff realm.
 */
@ExtendWith(CareAccessServer.class)
class TwoFactorSetUpUnavailableIT {

    private static final String PASSWORD = "their password 1";

    @ParameterizedTest(name = "set-up action {0}")
    @ValueSource(strings = {"disabled", "deleted"})
    void aPasswordAloneNeverSignsInWhenTwoFactorCannotBeSetUp(String setUp) {
        String realm = "staff-2fa-setup-" + setUp;
        StaffRealm.createCopy(realm, copy -> { });
        try {
            switchOffSetUp(realm, setUp);
            String email = StaffRealm.newEmail();
            String id = StaffRealm.createStaffIn(realm, email, PASSWORD, Map.of());
            OidcClient portal = StaffRealm.portalOf(realm);
            Browser browser = CareAccessServer.browser();

            Page refused = StaffRealm.signInWithPassword(browser.open(portal.authorizationUri()), email, PASSWORD);

            assertThat(refused.isRedirect()).as("no code after the password alone: %s", refused).isFalse();
            assertThat(refused.careaccessPage()).isEqualTo("2fa-unavailable");
            assertThat(refused.text()).contains("Two-factor authentication is not available. Contact your administrator.");
            Page again = browser.open(portal.authorizationUri());
            assertThat(again.isRedirect()).as("no session either: %s", again).isFalse();
            assertThatThrownBy(() -> portal.tokenRequest(Map.of("grant_type", "password", "username", email, "password", PASSWORD, "scope", "openid")))
                    .as("the token endpoint gives no tokens for the password").isInstanceOf(AssertionError.class);
            assertThat(StaffRealm.admin().get("/realms/" + realm + "/users/" + id + "/sessions").expect(200).body().size()).isZero();
            assertThat(errors(realm, id)).contains("careaccess_2fa_unavailable");
        } finally {
            StaffRealm.admin().delete("/realms/" + realm);
        }
    }

    private static void switchOffSetUp(String realm, String how) {
        String action = "/realms/" + realm + "/authentication/required-actions/careaccess-2fa-setup";
        if (how.equals("deleted")) {
            StaffRealm.admin().delete(action).expect(204);
            return;
        }
        ObjectNode representation = (ObjectNode) StaffRealm.admin().get(action).expect(200).body();
        representation.put("enabled", false);
        StaffRealm.admin().put(action, representation).expect(204);
    }

    private static List<String> errors(String realm, String userId) {
        List<String> errors = new ArrayList<>();
        for (JsonNode event : StaffRealm.admin().get("/realms/" + realm + "/events?type=LOGIN_ERROR&user=" + userId).expect(200).body()) {
            errors.add(event.path("error").asText());
        }
        return errors;
    }
}
