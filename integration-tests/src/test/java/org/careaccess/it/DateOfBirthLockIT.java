package org.careaccess.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.CareAccessServer.journey;
import static org.careaccess.testkit.PatientJourney.enterDateOfBirth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.careaccess.testkit.AtOnce;
import org.careaccess.testkit.LinkEvents;
import org.careaccess.testkit.LinkIssuerApi;
import org.careaccess.testkit.LinkIssuerApi.IssuedLink;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The date-of-birth lock under attack: parallel guesses, a lifetime budget of wrong dates and
 * locks that grow. The realm copies turn Keycloak's brute-force protection off, so only the
 * link's own lock stands between an attacker and the patient's date of birth.
 */
@ExtendWith(CareAccessServer.class)
class DateOfBirthLockIT {

    private static final LocalDate BORN = LocalDate.of(1968, 2, 29);
    private static final String NO_BRUTE_FORCE = "patients-dob-no-brute-force";
    private static final String QUICK_LOCKS = "patients-dob-quick-locks";
    private static final String GROWING_LOCKS = "patients-dob-growing-locks";

    @BeforeAll
    static void realmsWithoutBruteForceProtection() {
        Map<String, Object> noBruteForce = Map.of("bruteForceProtected", false);
        journey().createRealmCopy(NO_BRUTE_FORCE, Map.of(), noBruteForce);
        journey().createRealmCopy(QUICK_LOCKS, Map.of("careaccess date of birth", Map.of("dateOfBirthLockSeconds", "1")), noBruteForce);
        journey().createRealmCopy(GROWING_LOCKS, Map.of("careaccess date of birth", Map.of("dateOfBirthLockSeconds", "1,120")),
                noBruteForce);
    }

    @AfterAll
    static void deleteRealms() {
        for (String realm : new String[] {NO_BRUTE_FORCE, QUICK_LOCKS, GROWING_LOCKS}) {
            journey().deleteRealm(realm);
        }
    }

    @Test
    void thirtyParallelWrongDatesCompareAtMostFive() {
        IssuedLink link = journey().issuer(NO_BRUTE_FORCE).issue(BORN);
        List<Page> dobPages = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Page dob = journey().open(CareAccessServer.browser(), link);
            assertThat(dob.careaccessPage()).isEqualTo("dob");
            dobPages.add(dob);
        }
        Page patientsOwn = journey().open(CareAccessServer.browser(), link);

        List<Page> answers = AtOnce.all(dobPages.stream()
                .<Supplier<Page>>map(dob -> () -> enterDateOfBirth(dob, BORN.minusYears(1))).toList());

        assertThat(LinkEvents.datesOfBirthCompared(CareAccessServer.admin(), NO_BRUTE_FORCE, link.id()))
                .as("wrong dates compared: the five tries the lock allows, no more").isEqualTo(5);
        assertThat(answers).extracting(Page::careaccessPage).as("4 'do not match', the fifth and the 25 refused: locked")
                .containsOnly("dob", "link-locked").filteredOn("dob"::equals).hasSize(4);
        assertThat(enterDateOfBirth(patientsOwn, BORN).careaccessPage()).as("the right date after the burst")
                .isEqualTo("link-locked");
        assertThat(journey().open(CareAccessServer.browser(), link).careaccessPage()).isEqualTo("link-locked");
    }

    @Test
    void twentyWrongDatesInItsLifeLockTheLinkForGood() throws InterruptedException {
        LinkIssuerApi issuer = journey().issuer(QUICK_LOCKS);
        IssuedLink link = issuer.issue(BORN);
        Page waiting = null;
        for (int lock = 1; lock <= 4; lock++) {
            Page page = journey().open(CareAccessServer.browser(), link);
            if (lock == 4) {
                waiting = journey().open(CareAccessServer.browser(), link);
            }
            page = fiveWrongDates(page, lock);
            assertThat(page.careaccessPage()).as("lock %d", lock).isEqualTo("link-locked");
            Thread.sleep(1200);
        }

        assertThat(issuer.status(link.id()).expect(200).body().path("status").asText()).isEqualTo("locked");
        Page locked = journey().open(CareAccessServer.browser(), link);
        assertThat(locked.careaccessPage()).as("well after the 1-second lock ended").isEqualTo("link-locked");
        assertThat(locked.text()).contains("Contact the healthcare provider that sent you the link").doesNotContain("again");
        assertThat(enterDateOfBirth(waiting, BORN).careaccessPage()).as("the right date, on a page opened before")
                .isEqualTo("link-locked");
        assertThat(LinkEvents.loginErrors(CareAccessServer.admin(), QUICK_LOCKS, link.id())).extracting(event -> event.path("error").asText())
                .contains("careaccess_link_locked_out");
    }

    @Test
    void eachLockLastsLongerThanTheOneBefore() throws InterruptedException {
        IssuedLink link = journey().issuer(GROWING_LOCKS).issue(BORN);
        Page first = fiveWrongDates(journey().open(CareAccessServer.browser(), link), 1);
        assertThat(first.careaccessPage()).isEqualTo("link-locked");
        Thread.sleep(1200);

        Page afterFirst = journey().open(CareAccessServer.browser(), link);
        assertThat(afterFirst.careaccessPage()).as("the first lock lasts a second").isEqualTo("dob");
        Page second = fiveWrongDates(afterFirst, 2);
        assertThat(second.careaccessPage()).isEqualTo("link-locked");
        assertThat(second.text()).contains("You can try again in 2 minutes");
        Thread.sleep(1200);

        Page afterSecond = journey().open(CareAccessServer.browser(), link);
        assertThat(afterSecond.careaccessPage()).as("the second lock lasts 2 minutes").isEqualTo("link-locked");
        assertThat(journey().issuer(GROWING_LOCKS).status(link.id()).expect(200).body().path("status").asText())
                .as("locked for a while, not for good").isEqualTo("active");
    }

    /** Five different wrong dates from a date of birth page; the answer to the fifth. */
    private static Page fiveWrongDates(Page dobPage, int round) {
        Page page = dobPage;
        for (int i = 1; i <= 5; i++) {
            page = enterDateOfBirth(page, BORN.minusDays(round * 10L + i));
        }
        return page;
    }
}
