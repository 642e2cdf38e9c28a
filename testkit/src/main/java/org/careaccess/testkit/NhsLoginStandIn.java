package org.careaccess.testkit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@code nhs-login-stub} realm of realm-config/, playing NHS login: its users (an NHS number as
 * username, the claims NHS login gives) and its own sign-in page.
 */
public final class NhsLoginStandIn {

    public static final String REALM = "nhs-login-stub";
    public static final String PASSWORD = "stub password 123";

    private NhsLoginStandIn() {
    }

    /** A person with an NHS login whose sign-ins meet {@code vot}; signs in with their NHS number as username. */
    public static void user(AdminClient admin, String nhsNumber, LocalDate birthDate, String vot) {
        admin.post("/realms/" + REALM + "/users", Map.of(
                "username", "nhs-" + nhsNumber, "email", "nhs-" + nhsNumber + "@example.org", "emailVerified", true, "enabled", true,
                "firstName", "Ann", "lastName", "Example",
                "attributes", Map.of("nhs_number", List.of(nhsNumber), "birthdate", List.of(birthDate.toString()),
                        "phoneNumber", List.of("+447700900999"), "vot", List.of(vot)),
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)))).expect(201);
    }

    /** Follows "Continue to NHS login" on a CareAccess page and signs in at the stand-in. */
    public static Page continueToNhsLogin(Browser browser, Page withButton, String nhsNumber) {
        return signIn(browser.open(withButton.document().selectFirst("#nhs-login").absUrl("href")), nhsNumber);
    }

    /** Signs in on the stand-in's own login page: the page after coming back. */
    public static Page signIn(Page stubLogin, String nhsNumber) {
        if (!stubLogin.uri().toString().contains("/realms/" + REALM + "/")) {
            throw new AssertionError("expected NHS login's page but got " + stubLogin + "\n" + stubLogin.text());
        }
        return stubLogin.form().set("username", "nhs-" + nhsNumber).set("password", PASSWORD).submit();
    }
}
