package org.careaccess.it.staff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.careaccess.it.CareAccessServer;
import org.careaccess.it.Screens;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Mobile;
import org.careaccess.testkit.Page;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every staff screen in English and in Welsh: the title and the visible text never show an
 * escaped entity ({@code &#39;}, {@code &amp;#}) as text.
 */
@ExtendWith(CareAccessServer.class)
class StaffScreenWordsIT {

    private static final String PASSWORD = "words password 1";

    static Stream<Arguments> screens() {
        Map<String, Function<Browser, Page>> screens = new LinkedHashMap<>();
        screens.put("staff-signin", StaffRealm::openPortalSignIn);
        screens.put("staff-signin with an error", browser -> StaffRealm.openPortalSignIn(browser).form("#staff-signin").submit());
        screens.put("sign-in-link-sent", browser -> StaffRealm.openPortalSignIn(browser).form("#staff-signin")
                .set("username", StaffRealm.newEmail()).submit("send-link"));
        screens.put("sign-in-link-invalid", browser -> browser.open(CareAccessServer.server().realmUrl("staff")
                + "/careaccess-signin/link/" + "A".repeat(43)));
        screens.put("2fa-choose", StaffScreenWordsIT::chooseTwoFactor);
        screens.put("2fa-app", browser -> chooseTwoFactor(browser).form().set("method", "app").submit());
        screens.put("2fa-sms-number", browser -> chooseTwoFactor(browser).form().set("method", "sms").submit());
        screens.put("2fa-sms-code", browser -> {
            String email = StaffRealm.newEmail();
            StaffRealm.staffWithText(email, PASSWORD, StaffRealm.newMobile());
            return StaffRealm.signInWithPassword(browser, email, PASSWORD);
        });
        screens.put("reset-2fa-confirm", browser -> {
            String email = StaffRealm.newEmail();
            Mobile mobile = StaffRealm.newMobile();
            StaffRealm.staffWithText(email, PASSWORD, mobile);
            StaffRealm.assertBackAtPortalWithCode(StaffRealm.signInWithText(browser, email, PASSWORD, mobile.e164()));
            return browser.open(StaffRealm.portal().authorizationUri(Map.of("kc_action", "careaccess-reset-2fa")));
        });
        return Screens.inEnglishAndWelsh(screens);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("screens")
    void titleAndTextShowNoEscapedEntity(String screen, String language, Function<Browser, Page> open) {
        Page page = open.apply(CareAccessServer.browser().acceptLanguage(language));

        Screens.assertWordsIn(page, screen, language);
    }

    private static Page chooseTwoFactor(Browser browser) {
        String email = StaffRealm.newEmail();
        StaffRealm.createStaff(email, PASSWORD);
        return StaffRealm.signInWithPassword(browser, email, PASSWORD);
    }
}
