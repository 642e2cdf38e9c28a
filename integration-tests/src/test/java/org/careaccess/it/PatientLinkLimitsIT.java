package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.careaccess.testkit.Page;
import org.careaccess.testkit.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every default limit of the patient link flow, proven once through the real server with the
 * default value. Where seeing a limit end would take minutes (a 15-minute lock, a 10-minute code,
 * a 30-second cooldown between the texts of the hourly limit), a copy of the patients realm
 * changes only that one setting; the default value itself is proven in realm {@code patients}.
 */
@ExtendWith(CareAccessServer.class)
class PatientLinkLimitsIT {

    private static final LocalDate BORN = LocalDate.of(1971, 7, 9);
    private static final String QUICK_LOCK = "patients-quick-lock";
    private static final String QUICK_CODE = "patients-quick-code";
    private static final String NO_COOLDOWN = "patients-no-cooldown";
    private static final String NO_FIRST_DEVICE = "patients-no-first-device";
    private static final String STRICT_BRUTE_FORCE = "patients-strict-brute-force";

    @BeforeAll
    static void realmsWithOneSettingChanged() {
        TestRealms.createPatientsCopy(QUICK_LOCK, Map.of("careaccess date of birth", Map.of("dateOfBirthLockSeconds", "2")));
        TestRealms.createPatientsCopy(QUICK_CODE, Map.of("careaccess security code",
                Map.of("codeLifetimeSeconds", "3", "resendCooldownSeconds", "1")));
        TestRealms.createPatientsCopy(NO_COOLDOWN, Map.of("careaccess security code", Map.of("resendCooldownSeconds", "0")));
        TestRealms.createPatientsCopy(NO_FIRST_DEVICE, Map.of("careaccess trusted device", Map.of("trustFirstDevice", "false")));
        TestRealms.createPatientsCopy(STRICT_BRUTE_FORCE, Map.of(), Map.of("failureFactor", 2));
    }

    @AfterAll
    static void deleteRealms() {
        for (String realm : new String[] {QUICK_LOCK, QUICK_CODE, NO_COOLDOWN, NO_FIRST_DEVICE, STRICT_BRUTE_FORCE}) {
            TestRealms.delete(realm);
        }
    }

    @Test
    void theRealmFileSetsTheDefaultsOnTheSteps() {
        JsonNode configs = CareAccessServer.admin().get("/realms/patients/authentication/flows/careaccess%20patient%20link/executions")
                .expect(200).body();
        Map<String, String> expected = Map.of(
                "dateOfBirthMaxAttempts", "5", "dateOfBirthLockSeconds", "900,3600,14400", "dateOfBirthMaxWrongDatesPerLink", "20",
                "trustFirstDevice", "true",
                "codeLifetimeSeconds", "600", "codeMaxAttempts", "5", "resendCooldownSeconds", "30",
                "maxTextsPerHour", "5", "maxTextsPerNumberPerDay", "10");
        Map<String, String> found = new java.util.HashMap<>();
        for (JsonNode execution : configs) {
            if (execution.hasNonNull("authenticationConfig")) {
                CareAccessServer.admin().get("/realms/patients/authentication/config/" + execution.path("authenticationConfig").asText())
                        .expect(200).body().path("config").fields().forEachRemaining(e -> found.put(e.getKey(), e.getValue().asText()));
            }
        }
        assertThat(found).containsAllEntriesOf(expected);
    }

    // --- 5 wrong dates of birth lock the link for 15 minutes ---

    @Test
    void wrongDateOfBirthFiveTimesLocksTheLinkForFifteenMinutes() {
        LinkIssuer.IssuedLink link = LinkIssuer.patientsRealm().issue(BORN);
        Page page = PatientLinks.open(CareAccessServer.browser(), link);
        for (int i = 1; i <= 4; i++) {
            page = PatientLinks.enterDateOfBirth(page, BORN.plusDays(i));
            assertThat(page.errors()).as("wrong date " + i).containsExactly("The details you entered do not match our records");
            PatientLinks.pauseBetweenTries();
        }

        Page locked = PatientLinks.enterDateOfBirth(page, BORN.plusDays(5));

        assertThat(locked.careaccessPage()).isEqualTo("link-locked");
        assertThat(locked.text()).contains("You can try again in 15 minutes");
        Page anotherBrowser = PatientLinks.open(CareAccessServer.browser(), link);
        assertThat(anotherBrowser.careaccessPage()).as("the lock is the link's, not the browser's").isEqualTo("link-locked");
    }

    @Test
    void aLockedLinkOpensAgainWhenTheLockEnds() throws InterruptedException {
        LinkIssuer.IssuedLink link = LinkIssuer.of(QUICK_LOCK).issue(BORN);
        Page page = PatientLinks.open(CareAccessServer.browser(), link);
        for (int i = 1; i <= 5; i++) {
            if (i > 1) {
                PatientLinks.pauseBetweenTries();
            }
            page = PatientLinks.enterDateOfBirth(page, BORN.plusDays(i));
        }
        assertThat(page.careaccessPage()).isEqualTo("link-locked");
        assertThat(page.text()).contains("You can try again in 1 minute");
        assertThat(PatientLinks.open(CareAccessServer.browser(), link).careaccessPage()).isEqualTo("link-locked");

        Thread.sleep(2500);

        Page afterLock = PatientLinks.open(CareAccessServer.browser(), link);
        assertThat(afterLock.careaccessPage()).isEqualTo("dob");
        assertThat(PatientLinks.enterDateOfBirth(afterLock, BORN).isRedirect()).isTrue();
    }

    @Test
    void thePatientLockedByTheRealmsBruteForceProtectionSeesTheLockedPage() {
        LinkIssuer.IssuedLink link = LinkIssuer.of(STRICT_BRUTE_FORCE).issue(BORN);
        Page page = PatientLinks.open(CareAccessServer.browser(), link);
        page = PatientLinks.enterDateOfBirth(page, BORN.plusDays(1));
        PatientLinks.pauseBetweenTries();
        page = PatientLinks.enterDateOfBirth(page, BORN.plusDays(2));

        Page locked = PatientLinks.open(CareAccessServer.browser(), link);

        assertThat(locked.careaccessPage()).as("2 failures reach the realm's failure factor of 2").isEqualTo("link-locked");
        assertThat(locked.text()).contains("Try again later");
    }

    // --- 5 tries per code ---

    @Test
    void aCodeTakesFiveWrongTriesThenItIsDead() {
        LinkIssuer.IssuedLink link = LinkIssuer.patientsRealm().issue(BORN);
        Page code = codePageOnASecondDevice(link);
        String right = CareAccessServer.sns().latestCodeTo(link.mobileE164());
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            code = code.form().set("code", wrong).submit();
            assertThat(code.errors()).as("wrong code " + i).containsExactly("The security code is not correct");
            PatientLinks.pauseBetweenTries();
        }

        Page fifth = code.form().set("code", wrong).submit();

        assertThat(fifth.errors()).containsExactly("You entered the wrong security code too many times. Request a new code");
        PatientLinks.pauseBetweenTries();
        Page rightTooLate = fifth.form().set("code", right).submit();
        assertThat(rightTooLate.careaccessPage()).isEqualTo("code");
        assertThat(rightTooLate.errors()).containsExactly("The security code has expired. Request a new code");
    }

    // --- 30-second cooldown between texts ---

    @Test
    void aNewCodeCanBeRequestedOnlyThirtySecondsAfterTheLastText() {
        LinkIssuer.IssuedLink link = LinkIssuer.patientsRealm().issue(BORN);
        Page code = codePageOnASecondDevice(link);

        Page tooSoon = code.form().submit("resend");

        assertThat(tooSoon.careaccessPage()).isEqualTo("code");
        assertThat(tooSoon.errors()).singleElement().asString().matches("You can request a new code in (2[5-9]|30) seconds");
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).hasSize(1);
        assertThat(PatientLinks.enterTextedCode(tooSoon, link).isRedirect()).as("the first code still works").isTrue();
    }

    @Test
    void onceTheCooldownIsOverANewCodeReplacesTheOldOne() {
        // No cooldown rather than a short code lifetime: on a busy machine the 3-second codes of
        // QUICK_CODE could expire between the resend and the right code, failing for the wrong reason.
        LinkIssuer.IssuedLink link = LinkIssuer.of(NO_COOLDOWN).issue(BORN);
        Page code = codePageOnASecondDevice(link);
        String first = CareAccessServer.sns().latestCodeTo(link.mobileE164());

        Page resent = code.form().submit("resend");

        assertThat(resent.document().select(".careaccess-message--success").text()).contains("We have sent you a new security code");
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).hasSize(2);
        String second = CareAccessServer.sns().latestCodeTo(link.mobileE164());
        Page page = resent;
        if (!second.equals(first)) {
            page = resent.form().set("code", first).submit();
            assertThat(page.errors()).containsExactly("The security code is not correct");
        }
        assertThat(page.form().set("code", second).submit().isRedirect()).isTrue();
    }

    // --- a code lives 10 minutes ---

    @Test
    void theCodePageSaysTheDefaultLifetimeOfTenMinutes() {
        LinkIssuer.IssuedLink link = LinkIssuer.patientsRealm().issue(BORN);

        assertThat(codePageOnASecondDevice(link).text()).contains("The code expires after 10 minutes.");
    }

    @Test
    void aCodeStopsWorkingWhenItsLifetimeEnds() throws InterruptedException {
        LinkIssuer.IssuedLink link = LinkIssuer.of(QUICK_CODE).issue(BORN);
        Page code = codePageOnASecondDevice(link);
        Thread.sleep(3500);

        Page expired = PatientLinks.enterTextedCode(code, link);

        assertThat(expired.careaccessPage()).isEqualTo("code");
        assertThat(expired.errors()).containsExactly("The security code has expired. Request a new code");
    }

    // --- 5 texts per link per hour ---

    @Test
    void atMostFiveTextsPerLinkInAnHour() throws InterruptedException {
        LinkIssuer.IssuedLink link = LinkIssuer.of(NO_COOLDOWN).issue(BORN);
        Page code = codePageOnASecondDevice(link);
        for (int text = 2; text <= 5; text++) {
            Thread.sleep(1100);
            code = code.form().submit("resend");
            assertThat(code.errors()).as("text " + text).isEmpty();
        }
        Thread.sleep(1100);

        Page sixth = code.form().submit("resend");

        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).hasSize(5);
        assertThat(sixth.errors()).containsExactly("You cannot request another code just now. Use the code we have already sent");
        assertThat(PatientLinks.enterTextedCode(sixth, link).isRedirect()).as("the fifth code still works").isTrue();
    }

    // --- 10 texts per number per day ---

    @Test
    void atMostTenTextsToOneNumberInADayAcrossLinks() throws InterruptedException {
        String mobile = TestPatients.nextMobile();
        LinkIssuer issuer = LinkIssuer.of(NO_COOLDOWN);
        for (int link = 1; link <= 2; link++) {
            Page code = codePageOnASecondDevice(issuer.issue(BORN, mobile, null));
            for (int text = 2; text <= 5; text++) {
                Thread.sleep(1100);
                code = code.form().submit("resend");
            }
        }
        LinkIssuer.IssuedLink third = issuer.issue(BORN, mobile, null);
        assertThat(CareAccessServer.sns().publishedTo(third.mobileE164())).hasSize(10);

        Page limit = codePageOnASecondDevice(third);

        assertThat(limit.careaccessPage()).isEqualTo("sms-limit");
        assertThat(limit.text()).contains("Try again tomorrow");
        assertThat(CareAccessServer.sns().publishedTo(third.mobileE164())).hasSize(10);
    }

    // --- the first device is trusted without a code ---

    @Test
    void withTrustFirstDeviceOffEvenTheFirstDeviceNeedsACode() {
        LinkIssuer.IssuedLink link = LinkIssuer.of(NO_FIRST_DEVICE).issue(BORN);

        Page code = PatientLinks.enterDateOfBirth(PatientLinks.open(CareAccessServer.browser(), link), BORN);

        assertThat(code.careaccessPage()).isEqualTo("code");
        assertThat(PatientLinks.enterTextedCode(code, link).isRedirect()).isTrue();
    }

    @Test
    void limitsAreHeldInTheClusterWideStoreNotInABrowser() {
        LinkIssuer.IssuedLink link = LinkIssuer.patientsRealm().issue(BORN);
        codePageOnASecondDevice(link);

        Page otherBrowser = codePageOnASecondDevice(link);

        assertThat(otherBrowser.careaccessPage()).isEqualTo("code");
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).as("the live code is the link's").hasSize(1);
        assertThat(otherBrowser.form().submit("resend").errors()).singleElement().asString().startsWith("You can request a new code in");
    }

    /** The link's first device is bound by another browser; a new browser then gets to the code page. */
    private static Page codePageOnASecondDevice(LinkIssuer.IssuedLink link) {
        if (!hasTrustedDevice(link)) {
            PatientLinks.signedInFirstDevice(link);
        }
        return PatientLinks.enterDateOfBirth(PatientLinks.open(CareAccessServer.browser(), link), link.birthDate());
    }

    private static boolean hasTrustedDevice(LinkIssuer.IssuedLink link) {
        return LinkIssuer.of(link.realm()).status(link.id()).expect(200).body().hasNonNull("trustedDevice");
    }
}
