package org.careaccess.testkit;

import static org.careaccess.testkit.PatientJourney.expectPage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What staff do on the staff realm's sign-in pages, step by step, in a scripted browser; and their accounts. */
public final class StaffSteps {

    private StaffSteps() {
    }

    /** A staff account with a password (none when null) and no two-factor authentication yet; returns its id. */
    public static String createStaff(AdminClient admin, String realm, String email, String password, Map<String, List<String>> attributes) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", email);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("enabled", true);
        user.put("firstName", "Test");
        user.put("lastName", "Staff");
        user.put("attributes", attributes);
        if (password != null) {
            user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        }
        return admin.post("/realms/" + realm + "/users", user).expect(201).createdId();
    }

    /** Email and password on the staff-signin page; returns the next page (2FA, or set-up). */
    public static Page signInWithPassword(Page signIn, String email, String password) {
        expectPage(signIn, "staff-signin");
        return signIn.form("#staff-signin").set("username", email).set("password", password).submit();
    }

    /** From {@code 2fa-choose}: text message, this number (as typed, and in E.164), the texted code; returns the page after. */
    public static Page enrolByText(Page choose, String typedMobile, String e164, SnsStandIn sns) {
        expectPage(choose, "2fa-choose");
        Page number = choose.form().set("method", "sms").submit();
        expectPage(number, "2fa-sms-number");
        Page confirm = number.form().set("mobile", typedMobile).submit();
        expectPage(confirm, "2fa-sms-confirm");
        return confirm.form().set("code", sns.latestCodeTo(e164)).submit();
    }

    /** On {@code 2fa-sms-code}: types the code of the latest text to the number. */
    public static Page enterTextedCode(Page code, SnsStandIn sns, String e164) {
        expectPage(code, "2fa-sms-code");
        return code.form().set("code", sns.latestCodeTo(e164)).submit();
    }
}
