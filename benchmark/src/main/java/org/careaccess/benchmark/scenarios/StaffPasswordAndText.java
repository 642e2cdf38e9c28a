package org.careaccess.benchmark.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.careaccess.benchmark.BenchmarkServer;
import org.careaccess.benchmark.Flow;
import org.careaccess.benchmark.Pool;
import org.careaccess.benchmark.RealmCopies;
import org.careaccess.benchmark.Scenario;
import org.careaccess.benchmark.UserImport;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.SnsStandIn;

/**
 * Scenario 4: staff sign-in (DESIGN.md §3) in a realm made from realm-config/staff-realm.json, flow
 * "careaccess staff": email and password, then the code texted to the number in the user's
 * {@code careaccess-sms} credential; then the staff portal redeems the code for tokens. Users get
 * the credential as stored data through the partial import, as an enrolment would have left it.
 */
public final class StaffPasswordAndText implements Scenario {

    static final String REALM = "bench-staff";
    static final String CODE_CONFIG = "benchmark staff code";
    private static final String PASSWORD = "benchmark staff password 1";
    private static final String REDIRECT = RealmCopies.STAFF_PORTAL_URL + "/callback";

    private final int users;
    private Pool<Staff> pool;
    private OidcClient portal;
    private String serverUrl;
    private SnsStandIn sns;

    private record Staff(String email, String mobile) {
    }

    public StaffPasswordAndText(int users) {
        if (users < 1 || users > PatientLinkSignIn.MAX_LINKS) {
            throw new IllegalArgumentException("staff users: 1 to " + PatientLinkSignIn.MAX_LINKS + " (one drama-range number each)");
        }
        this.users = users;
    }

    @Override
    public String id() {
        return "4-staff-password-text";
    }

    @Override
    public String title() {
        return "Staff: email + password, then texted code";
    }

    @Override
    public void prepare(BenchmarkServer server) throws Exception {
        serverUrl = server.url();
        sns = server.sns();
        // Texts per user per hour, per number per day and the resend cooldown, raised only here (README, "Benchmark").
        RealmCopies.create(server.admin(), "staff-realm.json", REALM, Map.of(CODE_CONFIG, Map.of(
                "maxTextsPerHour", "1000000", "maxTextsPerNumberPerDay", "1000000", "resendCooldownSeconds", "0")),
                Map.of(CODE_CONFIG, "careaccess-staff-2fa"));
        portal = new OidcClient(serverUrl + "/realms/" + REALM, "staff-portal", RealmCopies.PORTAL_SECRET, REDIRECT);
        List<Staff> made = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            made.add(new Staff(String.format("staff-%04d@example.org", i), String.format("+447700900%03d", i)));
        }
        Staff first = made.get(0);
        Map<String, Object> firstUser = staff(first, Map.of("type", "password", "value", PASSWORD, "temporary", false));
        server.admin().post("/realms/" + REALM + "/users", firstUser).expect(201);
        UserImport.PasswordHash hash = UserImport.passwordHashOf(server, REALM, first.email());
        UserImport.importUsers(server, REALM, made.subList(1, made.size()).stream().map(s -> staff(s, hash.credential())).toList());
        pool = new Pool<>(made, "benchmark.staff");
    }

    private static Map<String, Object> staff(Staff staff, Map<String, Object> password) {
        String ending = staff.mobile().substring(staff.mobile().length() - 2);
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("username", staff.email());
        rep.put("email", staff.email());
        rep.put("emailVerified", true);
        rep.put("enabled", true);
        rep.put("firstName", "Bench");
        rep.put("lastName", "Staff");
        rep.put("credentials", List.of(password, Map.of("type", "careaccess-sms", "userLabel", "Mobile ending " + ending,
                "secretData", "{\"mobile\":\"" + staff.mobile() + "\"}", "credentialData", "{\"ending\":\"" + ending + "\"}")));
        return rep;
    }

    @Override
    public void run(Flow flow) throws Exception {
        pool.use(staff -> {
            Page signIn = flow.step("sign-in page", () -> flow.browser().open(portal.authorizationUri()));
            Flow.expect(signIn, "staff-signin".equals(signIn.careaccessPage()), "the staff sign-in page");
            Page codePage = flow.step("password", () -> signIn.form("#staff-signin").set("username", staff.email()).set("password", PASSWORD).submit());
            Flow.expect(codePage, "2fa-sms-code".equals(codePage.careaccessPage()), "the texted code page");
            String code = sns.latestCodeTo(staff.mobile());
            Page back = flow.step("code", () -> codePage.form().set("code", code).submit());
            Flow.expect(back, back.isRedirect() && back.location().toString().startsWith(REDIRECT) && back.locationParameter("code") != null,
                    "the redirect back to the staff portal with a code");
            flow.step("token", () -> portal.redeem(back));
        });
    }
}
