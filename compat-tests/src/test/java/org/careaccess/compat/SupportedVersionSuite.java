package org.careaccess.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.testkit.AdminClient;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.CareAccessInstall;
import org.careaccess.testkit.JsonApi;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.NhsLoginStandIn;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.StaffSteps;
import org.careaccess.testkit.SupportDesk;
import org.careaccess.testkit.TestPatients;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A supported Keycloak version with the one bundle JAR, unchanged, and realm-config/ imported: it
 * starts and lists the providers, then a patient, NHS login, staff and the support desk each go
 * through their main journey. Each subclass is one version, started once for its tests and stopped after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SupportedVersionSuite {

    private static final LocalDate BORN = LocalDate.of(1984, 3, 15);
    private static final String STAFF_PASSWORD = "correct horse battery staple";

    private final String minor;
    private CompatServer server;

    /** {@code minor} as in the build's {@code careaccess.keycloak.<minor>} property, e.g. "26-5". */
    SupportedVersionSuite(String minor) {
        this.minor = minor;
    }

    @BeforeAll
    void startThisVersion() {
        server = CompatServer.start(minor);
    }

    @AfterAll
    void stopThisVersion() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void theServerRunsThisVersionWithTheBundleAndListsItsProviders() {
        server.assertRunsWithTheBundle();
    }

    @Test
    @Order(2)
    void aPatientLinkOnANewDeviceNeedsTheTextedCode() {
        IssuedLink link = issuer().issue(BORN);
        Page firstDevice = PatientJourney.enterDateOfBirth(openTextedLink(browser(), link), BORN);
        assertThat(firstDevice.isRedirect()).as("the first device is trusted without a code: %s", firstDevice).isTrue();

        Page code = PatientJourney.enterDateOfBirth(openTextedLink(browser(), link), BORN);
        assertThat(code.careaccessPage()).as("a new device is asked for a texted code").isEqualTo("code");
        Page done = PatientJourney.enterTextedCode(code, server.sns(), link.mobileE164());

        JsonNode claims = idTokenClaims(done);
        assertThat(claims.path("careaccess_link").path("id").asText()).isEqualTo(link.id());
        assertThat(amr(claims)).containsExactly("dob", "sms");
    }

    @Test
    @Order(3)
    void nhsLoginRoundTripSignsInTheLinksPatientWithoutACode() {
        IssuedLink link = issuer().issue(BORN, TestPatients.nextMobile(), TestPatients.nextNhsNumber());
        NhsLoginStandIn.user(admin(), link.nhsNumber(), BORN, "P9.Cp.Cd");
        Browser browser = browser();

        Page done = NhsLoginStandIn.continueToNhsLogin(browser, openTextedLink(browser, link), link.nhsNumber());

        JsonNode claims = idTokenClaims(done);
        assertThat(claims.path("sub").asText()).isEqualTo(issuer().status(link.id()).expect(200).body().path("patientId").asText());
        assertThat(amr(claims)).containsExactly("nhslogin");
        assertThat(server.sns().publishedTo(link.mobileE164())).as("no text").isEmpty();
    }

    @Test
    @Order(4)
    void staffSignInWithPasswordAndATextedCode() {
        String email = newEmail();
        String mobile = TestPatients.nextMobile();
        String id = staffWithText(email, mobile);

        Page code = StaffSteps.signInWithPassword(browser().open(staffPortal().authorizationUri()), email, STAFF_PASSWORD);
        Page done = StaffSteps.enterTextedCode(code, server.sns(), TestPatients.e164(mobile));

        assertThat(done.isRedirect()).as("%s", done).isTrue();
        assertThat(done.location().toString()).startsWith(CareAccessInstall.STAFF_PORTAL_REDIRECT);
        assertThat(staffPortal().redeem(done).path("access_token").asText()).isNotBlank();
        assertThat(credentialTypes(id)).containsExactlyInAnyOrder("password", "careaccess-sms");
    }

    @Test
    @Order(5)
    void theSupportDeskResetRemovesTheTwoFactorCredential() {
        SupportDesk.Caller supportDesk = SupportDesk.serviceAccount(admin(), "staff", "compat-support-desk-" + UUID.randomUUID(), true);
        String id = staffWithText(newEmail(), TestPatients.nextMobile());

        JsonApi.Answer answer = SupportDesk.reset(server.url(), "staff", supportDesk, id, "application/json",
                "{\"verification\":\"Called back on the number in the staff record\",\"ticket\":\"SUP-1\"}");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("result").asText()).isEqualTo("reset");
        assertThat(credentialTypes(id)).containsExactly("password");
    }

    @Test
    @Order(6)
    void theServerLogHasNoErrors() {
        assertThat(server.logErrors()).isEmpty();
    }

    private AdminClient admin() {
        return server.admin();
    }

    private Browser browser() {
        return server.browser();
    }

    private LinkIssuerApi issuer() {
        return server.issuer();
    }

    /** The texted link as a phone opens it: through the portal's login initiation (played by the test). */
    private Page openTextedLink(Browser browser, IssuedLink link) {
        return PatientJourney.openTextedLink(browser, link.url(), CareAccessInstall.patientPortal(server.url()));
    }

    private OidcClient staffPortal() {
        return CareAccessInstall.staffPortal(server.url());
    }

    private JsonNode idTokenClaims(Page redirectToPortal) {
        assertThat(redirectToPortal.isRedirect()).as("%s\n%s", redirectToPortal, redirectToPortal.text()).isTrue();
        return OidcClient.claims(CareAccessInstall.patientPortal(server.url()).redeem(redirectToPortal).path("id_token").asText());
    }

    /** A staff account that set up text-message codes at its first sign-in; returns its id. */
    private String staffWithText(String email, String mobile) {
        String id = StaffSteps.createStaff(admin(), "staff", email, STAFF_PASSWORD, Map.of());
        Page choose = StaffSteps.signInWithPassword(browser().open(staffPortal().authorizationUri()), email, STAFF_PASSWORD);
        Page done = StaffSteps.enrolByText(choose, mobile, TestPatients.e164(mobile), server.sns());
        assertThat(done.isRedirect()).as("back to the portal after set-up: %s\n%s", done, done.text()).isTrue();
        return id;
    }

    private List<String> credentialTypes(String userId) {
        List<String> types = new ArrayList<>();
        admin().get("/realms/staff/users/" + userId + "/credentials").expect(200).body().forEach(c -> types.add(c.path("type").asText()));
        return types;
    }

    private static String newEmail() {
        return "compat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static List<String> amr(JsonNode claims) {
        List<String> values = new ArrayList<>();
        claims.path("amr").forEach(value -> values.add(value.asText()));
        return values;
    }
}
