package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careaccess.it.Screens.chromium;

import java.util.Map;

import org.careaccess.it.CareAccessServer;
import org.careaccess.it.Screens;
import org.careaccess.testkit.Mobile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Staff sign in through the demo portal (demo-portal/), which the staff realm's staff-portal
 * client is: password and a texted code end on the staff portal page, which shows the person,
 * how they signed in and the two-factor method, and starts "Reset two-factor authentication".
 */
@ExtendWith({CareAccessServer.class, Screens.class})
class StaffPortalIT {

    private static final String PASSWORD = "portal password 1";

    @Test
    void passwordAndTextedCodeEndOnTheStaffPortalPageWhoseResetLinkStartsTheResetAction() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        StaffRealm.staffWithText(email, PASSWORD, mobile);
        chromium().executeCdpCommand("Network.clearBrowserCookies", Map.of());

        chromium().get(CareAccessServer.STAFF_PORTAL_URL + "/sign-in");
        chromium().findElement(By.id("username")).sendKeys(email);
        chromium().findElement(By.id("password")).sendKeys(PASSWORD);
        Screens.clickAndWaitForNextPage(By.id("sign-in"));
        chromium().findElement(By.name("code")).sendKeys(CareAccessServer.sns().latestCodeTo(mobile.e164()));
        Screens.clickAndWaitForNextPage(By.id("continue"));

        assertThat(chromium().getCurrentUrl()).isEqualTo(CareAccessServer.STAFF_PORTAL_URL + "/");
        assertThat(chromium().findElement(By.id("email")).getText()).isEqualTo(email);
        assertThat(chromium().findElement(By.id("signed-in-with")).getText()).isEqualTo("Password or emailed sign-in link");
        assertThat(chromium().findElement(By.id("second-factor")).getText()).isEqualTo("Text message code (sms)");
        Screens.assertAccessible("portal-staff");

        Screens.clickAndWaitForNextPage(By.id("reset-2fa"));
        assertThat(chromium().findElement(By.tagName("body")).getAttribute("data-careaccess-page")).isEqualTo("reset-2fa-confirm");
    }
}
