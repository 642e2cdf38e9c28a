package org.careaccess.it.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.careaccess.it.CareAccessServer;
import org.careaccess.testkit.Mobile;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.SecurityCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Staff codes are texted in the language of the sign-in page too: the same code machinery as patients'. */
@ExtendWith(CareAccessServer.class)
class StaffWelshTextIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aStaffSignInInWelshTextsTheCodeInWelshAndItWorks() {
        String email = StaffRealm.newEmail();
        Mobile mobile = StaffRealm.newMobile();
        StaffRealm.staffWithText(email, PASSWORD, mobile);

        Page code = StaffRealm.signInWithPassword(CareAccessServer.browser().acceptLanguage("cy"), email, PASSWORD);

        assertThat(code.careaccessPage()).isEqualTo("2fa-sms-code");
        assertThat(code.document().select("html").attr("lang")).isEqualTo("cy");
        String text = CareAccessServer.sns().latestTextTo(mobile.e164());
        String sent = SecurityCodes.in(text);
        assertThat(text).startsWith(sent + " yw eich cod diogelwch ").endsWith("\n\n@localhost #" + sent);
        StaffRealm.assertBackAtPortalWithCode(code.form().set("code", sent).submit());
    }
}
