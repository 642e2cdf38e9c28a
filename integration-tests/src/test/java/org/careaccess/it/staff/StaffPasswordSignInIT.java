package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.careaccess.it.CareAccessServer;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Email and password, then this service's own second factor: set up by text, asked for next time. */
@ExtendWith(CareAccessServer.class)
class StaffPasswordSignInIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void passwordThenEnrolByTextThenTheNextSignInAsksForTheTextedCode() {
        String email = StaffRealm.newEmail();
        String[] mobile = StaffRealm.newMobile();
        String id = StaffRealm.createStaff(email, PASSWORD);

        Page choose = StaffRealm.signInWithPassword(CareAccessServer.browser(), email, PASSWORD);
        assertThat(choose.careaccessPage()).isEqualTo("2fa-choose");
        Page done = StaffRealm.enrolByText(choose, mobile);
        StaffRealm.assertBackAtPortalWithCode(done);
        assertThat(StaffRealm.credentialTypes(id)).contains("careaccess-sms");

        Browser next = CareAccessServer.browser();
        Page code = StaffRealm.signInWithPassword(next, email, PASSWORD);
        assertThat(code.careaccessPage()).isEqualTo("2fa-sms-code");
        assertThat(code.text()).contains("ending " + mobile[1].substring(mobile[1].length() - 2));
        Page portal = code.form().set("code", CareAccessServer.sns().latestCodeTo(mobile[1])).submit();
        StaffRealm.assertBackAtPortalWithCode(portal);
        assertThat(StaffRealm.portal().redeem(portal).path("access_token").asText()).isNotBlank();
    }
}
