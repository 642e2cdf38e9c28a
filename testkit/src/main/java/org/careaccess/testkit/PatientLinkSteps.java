package org.careaccess.testkit;

import java.time.LocalDate;

/** What a patient does on the link flow's pages, step by step, in a scripted browser. */
public final class PatientLinkSteps {

    private PatientLinkSteps() {
    }

    /**
     * A person's pause between two wrong tries. Keycloak's brute-force protection treats two
     * failures less than a second apart (quickLoginCheckMilliSeconds, 1000) as a robot and locks
     * the patient for a minute; tests that count tries must not look like one.
     */
    public static void pauseBetweenTries() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a texted link as a patient's phone does: the link endpoint sends the browser to the
     * portal's login-initiation URI, and the portal (played here by {@code portal}) starts its
     * own authorization request. Any other answer of the link endpoint is returned as it is.
     */
    public static Page openTextedLink(Browser browser, String url, OidcClient portal) {
        Page answer = browser.open(url);
        if (!answer.isRedirect() || answer.locationParameter("target_link_uri") == null) {
            return answer;
        }
        return browser.open(portal.authorizationUriInitiatedBy(answer.location()));
    }

    public static Page enterDateOfBirth(Page dobPage, String day, String month, String year) {
        expectPage(dobPage, "dob");
        return dobPage.form().set("dob-day", day).set("dob-month", month).set("dob-year", year).submit();
    }

    public static Page enterDateOfBirth(Page dobPage, LocalDate date) {
        return enterDateOfBirth(dobPage, Integer.toString(date.getDayOfMonth()), Integer.toString(date.getMonthValue()),
                Integer.toString(date.getYear()));
    }

    /** Types the code of the latest text this stand-in got for the number. */
    public static Page enterTextedCode(Page codePage, SnsStandIn sns, String mobileE164) {
        expectPage(codePage, "code");
        String code = sns.latestCodeTo(mobileE164);
        if (code == null) {
            throw new AssertionError("no code texted to " + mobileE164);
        }
        return codePage.form().set("code", code).submit();
    }

    /** Fails unless the page is this CareAccess screen ({@code data-careaccess-page}). */
    public static void expectPage(Page page, String name) {
        if (!name.equals(page.careaccessPage())) {
            throw new AssertionError("expected page " + name + " but got " + page + ":\n" + page.text());
        }
    }
}
