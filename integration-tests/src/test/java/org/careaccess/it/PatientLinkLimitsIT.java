package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;
import static org.careaccess.testkit.PatientJourney.waitForNextSecond;
import static org.careaccess.testkit.PatientJourney.pauseBetweenTries;

import java.time.LocalDate;
import java.util.Map;

import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
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
        journey().createRealmCopy(QUICK_LOCK, Map.of("careaccess date of birth", Map.of("dateOfBirthLockSeconds", "2")));
        journey().createRealmCopy(QUICK_CODE, Map.of("careaccess security code",
                Map.of("codeLifetimeSeconds", "3", "resendCooldownSeconds", "1")));
        journey().createRealmCopy(NO_COOLDOWN, Map.of("careaccess security code", Map.of("resendCooldownSeconds", "0")));
        journey().createRealmCopy(NO_FIRST_DEVICE, Map.of("careaccess trusted device", Map.of("trustFirstDevice", "false")));
        journey().createRealmCopy(STRICT_BRUTE_FORCE, Map.of(), Map.of("failureFactor", 2));
    }

    @AfterAll
    static void deleteRealms() {
        for (String realm : new String[] {QUICK_LOCK, QUICK_CODE, NO_COOLDOWN, NO_FIRST_DEVICE, STRICT_BRUTE_FORCE}) {
            journey().deleteRealm(realm);
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
        IssuedLink link = journey().issuer().issue(BORN);
        Page page = journey().open(CareAccessServer.browser(), link);
        for (int i = 1; i <= 4; i++) {
            page = enterDateOfBirth(page, BORN.plusDays(i));
            assertThat(page.errors()).as("wrong date " + i).containsExactly("The details you entered do not match our records");
            pauseBetweenTries();
        }

        Page locked = enterDateOfBirth(page, BORN.plusDays(5));

        assertThat(locked.careaccessPage()).isEqualTo("link-locked");
        assertThat(locked.text()).contains("You can try again in 15 minutes");
        Page anotherBrowser = journey().open(CareAccessServer.browser(), link);
        assertThat(anotherBrowser.careaccessPage()).as("the lock is the link's, not the browser's").isEqualTo("link-locked");
    }

    @Test
    void aLockedLinkOpensAgainWhenTheLockEnds() throws InterruptedException {
        IssuedLink link = journey().issuer(QUICK_LOCK).issue(BORN);
        Page page = journey().open(CareAccessServer.browser(), link);
        for (int i = 1; i <= 5; i++) {
            if (i > 1) {
                pauseBetweenTries();
            }
            page = enterDateOfBirth(page, BORN.plusDays(i));
        }
        assertThat(page.careaccessPage()).isEqualTo("link-locked");
        assertThat(page.text()).contains("You can try again in 1 minute");
        assertThat(journey().open(CareAccessServer.browser(), link).careaccessPage()).isEqualTo("link-locked");

        Thread.sleep(2500);

        Page afterLock = journey().open(CareAccessServer.browser(), link);
        assertThat(afterLock.careaccessPage()).isEqualTo("dob");
        assertThat(enterDateOfBirth(afterLock, BORN).isRedirect()).isTrue();
    }

    @Test
    void thePatientLockedByTheRealmsBruteForceProtectionSeesTheLockedPage() {
        IssuedLink link = journey().issuer(STRICT_BRUTE_FORCE).issue(BORN);
        Page page = journey().open(CareAccessServer.browser(), link);
        page = enterDateOfBirth(page, BORN.plusDays(1));
        pauseBetweenTries();
        page = enterDateOfBirth(page, BORN.plusDays(2));

        Page locked = journey().open(CareAccessServer.browser(), link);

        assertThat(locked.careaccessPage()).as("2 failures reach the realm's failure factor of 2").isEqualTo("link-locked");
        assertThat(locked.text()).contains("Try again later");
    }

    // --- 5 tries per code ---

    @Test
    void aCodeTakesFiveWrongTriesThenItIsDead() {
        IssuedLink link = journey().issuer().issue(BORN);
        Page code = journey().codePageOnASecondDevice(link);
        String right = CareAccessServer.sns().latestCodeTo(link.mobileE164());
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            code = code.form().set("code", wrong).submit();
            assertThat(code.errors()).as("wrong code " + i).containsExactly("The security code is not correct");
            pauseBetweenTries();
        }

        Page fifth = code.form().set("code", wrong).submit();

        assertThat(fifth.errors()).containsExactly("You entered the wrong security code too many times. Request a new code");
        pauseBetweenTries();
        Page rightTooLate = fifth.form().set("code", right).submit();
        assertThat(rightTooLate.careaccessPage()).isEqualTo("code");
        assertThat(rightTooLate.errors()).containsExactly("The security code has expired. Request a new code");
    }

    // --- 30-second cooldown between texts ---

    @Test
    void aNewCodeCanBeRequestedOnlyThirtySecondsAfterTheLastText() {
        IssuedLink link = journey().issuer().issue(BORN);
        Page code = journey().codePageOnASecondDevice(link);

        Page tooSoon = code.form().submit("resend");

        assertThat(tooSoon.careaccessPage()).isEqualTo("code");
        assertThat(tooSoon.errors()).singleElement().asString().matches("You can request a new code in (2[5-9]|30) seconds");
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).hasSize(1);
        assertThat(journey().enterTextedCode(tooSoon, link).isRedirect()).as("the first code still works").isTrue();
    }

    @Test
    void onceTheCooldownIsOverANewCodeReplacesTheOldOne() {
        // No cooldown rather than a short code lifetime: on a busy machine the 3-second codes of
        // QUICK_CODE could expire between the resend and the right code, failing for the wrong reason.
        IssuedLink link = journey().issuer(NO_COOLDOWN).issue(BORN);
        Page code = journey().codePageOnASecondDevice(link);
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
        IssuedLink link = journey().issuer().issue(BORN);

        assertThat(journey().codePageOnASecondDevice(link).text()).contains("The code expires after 10 minutes.");
    }

    @Test
    void aCodeStopsWorkingWhenItsLifetimeEnds() throws InterruptedException {
        IssuedLink link = journey().issuer(QUICK_CODE).issue(BORN);
        Page code = journey().codePageOnASecondDevice(link);
        Thread.sleep(3500);

        Page expired = journey().enterTextedCode(code, link);

        assertThat(expired.careaccessPage()).isEqualTo("code");
        assertThat(expired.errors()).containsExactly("The security code has expired. Request a new code");
    }

    // --- 5 texts per link per hour ---

    @Test
    void atMostFiveTextsPerLinkInAnHour() {
        IssuedLink link = journey().issuer(NO_COOLDOWN).issue(BORN);
        Page code = journey().codePageOnASecondDevice(link);
        for (int text = 2; text <= 5; text++) {
            waitForNextSecond();
            code = code.form().submit("resend");
            assertThat(code.errors()).as("text " + text).isEmpty();
        }
        waitForNextSecond();

        Page sixth = code.form().submit("resend");

        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).hasSize(5);
        assertThat(sixth.errors()).containsExactly("You cannot request another code just now. Use the code we have already sent");
        assertThat(journey().enterTextedCode(sixth, link).isRedirect()).as("the fifth code still works").isTrue();
    }

    // --- 10 texts per number per day ---

    @Test
    void atMostTenTextsToOneNumberInADayAcrossLinks() {
        String mobile = TestPatients.nextMobile();
        LinkIssuerApi issuer = journey().issuer(NO_COOLDOWN);
        for (int link = 1; link <= 2; link++) {
            Page code = journey().codePageOnASecondDevice(issuer.issue(BORN, mobile, null));
            for (int text = 2; text <= 5; text++) {
                waitForNextSecond();
                code = code.form().submit("resend");
            }
        }
        IssuedLink third = issuer.issue(BORN, mobile, null);
        assertThat(CareAccessServer.sns().publishedTo(third.mobileE164())).hasSize(10);

        Page limit = journey().secondDeviceAfterBirthDate(third);

        assertThat(limit.careaccessPage()).isEqualTo("sms-limit");
        assertThat(limit.text()).contains("Try again tomorrow");
        assertThat(CareAccessServer.sns().publishedTo(third.mobileE164())).hasSize(10);
    }

    // --- the first device is trusted without a code ---

    @Test
    void withTrustFirstDeviceOffEvenTheFirstDeviceNeedsACode() {
        IssuedLink link = journey().issuer(NO_FIRST_DEVICE).issue(BORN);

        Page code = enterDateOfBirth(journey().open(CareAccessServer.browser(), link), BORN);

        assertThat(code.careaccessPage()).isEqualTo("code");
        assertThat(journey().enterTextedCode(code, link).isRedirect()).isTrue();
    }

    @Test
    void limitsAreHeldInTheClusterWideStoreNotInABrowser() {
        IssuedLink link = journey().issuer().issue(BORN);
        journey().codePageOnASecondDevice(link);

        Page otherBrowser = journey().codePageOnASecondDevice(link);

        assertThat(otherBrowser.careaccessPage()).isEqualTo("code");
        assertThat(CareAccessServer.sns().publishedTo(link.mobileE164())).as("the live code is the link's").hasSize(1);
        assertThat(otherBrowser.form().submit("resend").errors()).singleElement().asString().startsWith("You can request a new code in");
    }
}
