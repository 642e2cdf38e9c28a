package org.careaccess.benchmark.scenarios;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.careaccess.benchmark.BenchmarkServer;
import org.careaccess.benchmark.Flow;
import org.careaccess.benchmark.LinkSeeder;
import org.careaccess.keycloak.secrets.Secrets;
import org.careaccess.benchmark.Pool;
import org.careaccess.benchmark.RealmCopies;
import org.careaccess.benchmark.Scenario;
import org.careaccess.benchmark.UserImport;
import org.careaccess.testkit.Browser;
import org.careaccess.testkit.Cookie;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.PatientJourney;
import org.careaccess.testkit.SnsStandIn;

/**
 * Scenarios 2, 3 and 5: a patient opens a texted link (DESIGN.md §2) in a realm made from
 * realm-config/patients-realm.json, confirms their date of birth and, on a browser the link does
 * not trust, types the code texted to the link's number; then the portal redeems the code for
 * tokens. Links and patients are seeded (see {@link LinkSeeder}), each link already bound to a
 * device: for a new device, some other browser's (so no flow is the trusted-first-device pass);
 * for a trusted device, the cookie every flow's browser brings along.
 */
public final class PatientLinkSignIn implements Scenario {

    /** Whose device the links trust. */
    public enum Device {
        /** Another browser's: every flow is a new device, asked for a texted code (and then trusted instead). */
        OTHER,
        /** The visitor's: every flow's browser has the CAREACCESS_DEVICE cookie from an earlier pass. */
        VISITORS
    }

    /** Distinct numbers for the links: Ofcom's drama range 07700 900000-999, one link per number at a time. */
    public static final int MAX_LINKS = 1000;

    private final String id;
    private final String title;
    private final String realm;
    private final Device device;
    private final int links;
    private final long storeSize;
    private final String baseline;
    private Pool<Patient> pool;
    private OidcClient portal;
    private String serverUrl;
    private SnsStandIn sns;

    /** A link the driver opens, with what the patient knows and their browser keeps. */
    private record Patient(String code, LocalDate birthDate, String mobile, String deviceCookie) {
    }

    private PatientLinkSignIn(String id, String title, String realm, Device device, int links, long storeSize, String baseline) {
        if (links < 1 || links > MAX_LINKS) {
            throw new IllegalArgumentException("links per scenario: 1 to " + MAX_LINKS + " (one drama-range number each)");
        }
        this.id = id;
        this.title = title;
        this.realm = realm;
        this.device = device;
        this.links = links;
        this.storeSize = storeSize;
        this.baseline = baseline;
    }

    /** Scenario 2: a new device, so date of birth and a texted code. */
    public static PatientLinkSignIn newDevice(int links) {
        return new PatientLinkSignIn("2-link-new-device", "Patient link on a new device: date of birth + texted code ("
                + links + " links stored)", "bench-links", Device.OTHER, links, links, null);
    }

    /** Scenario 3: the link's trusted device, so date of birth only. */
    public static PatientLinkSignIn trustedDevice(int links) {
        return new PatientLinkSignIn("3-link-trusted-device", "Patient link on its trusted device: date of birth only",
                "bench-links-trusted", Device.VISITORS, links, links, null);
    }

    /** Scenario 5: scenario 2 with the store holding {@code storeSize} links, compared with scenario 2. */
    public static PatientLinkSignIn newDeviceInLargeStore(int links, long storeSize) {
        return new PatientLinkSignIn("5-link-new-device-large-store", String.format("Scenario 2 with %,d links stored", storeSize),
                "bench-links-large", Device.OTHER, links, storeSize, "2-link-new-device");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String baseline() {
        return baseline;
    }

    /** The filler would share the link table and its indexes with scenarios 2 and 3: a database of its own. */
    @Override
    public boolean needsItsOwnServer() {
        return storeSize > links;
    }

    @Override
    public void prepare(BenchmarkServer server) throws Exception {
        serverUrl = server.url();
        sns = server.sns();
        // Texts per link per hour, per number per day and the resend cooldown would stop a link
        // used every few seconds; raised here only (README, "Benchmark"). The code is still made,
        // stored, counted against these limits, texted and checked on every flow.
        RealmCopies.create(server.admin(), "patients-realm.json", realm, Map.of("careaccess security code", Map.of(
                "maxTextsPerHour", "1000000", "maxTextsPerNumberPerDay", "1000000", "resendCooldownSeconds", "0")), Map.of());
        portal = new OidcClient(serverUrl + "/realms/" + realm, "patient-portal", RealmCopies.PORTAL_SECRET, RealmCopies.PATIENT_PORTAL_URL + "/");
        SecureRandom random = new SecureRandom();
        List<Map<String, Object>> users = new ArrayList<>();
        Map<String, LocalDate> birthDates = new HashMap<>();
        for (int i = 0; i < links; i++) {
            String username = String.format("patient-%s-%04d", realm, i);
            LocalDate birthDate = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(27_000));
            birthDates.put(username, birthDate);
            users.add(patient(username, birthDate));
        }
        UserImport.importUsers(server, realm, users);
        Map<String, String> ids = UserImport.userIds(server, realm);
        List<LinkSeeder.Link> seeded = new ArrayList<>();
        List<Patient> patients = new ArrayList<>();
        for (int i = 0; i < links; i++) {
            String username = String.format("patient-%s-%04d", realm, i);
            String code = LinkSeeder.newCode(random);
            String mobile = String.format("+447700900%03d", i);
            String cookie = LinkSeeder.newDeviceCookie(random);
            seeded.add(new LinkSeeder.Link(UUID.randomUUID().toString(), code, ids.get(username), mobile, Secrets.sha256Hex(cookie)));
            patients.add(new Patient(code, birthDates.get(username), mobile, device == Device.VISITORS ? cookie : null));
        }
        try (Connection db = server.database().connect()) {
            LinkSeeder.seed(db, UserImport.realmId(server, realm), seeded, storeSize, Instant.now());
        }
        pool = new Pool<>(patients, "benchmark.links");
    }

    private static Map<String, Object> patient(String username, LocalDate birthDate) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("username", username);
        rep.put("enabled", true);
        rep.put("firstName", "Ann");
        rep.put("lastName", "Example");
        rep.put("attributes", Map.of("birthdate", List.of(birthDate.toString())));
        return rep;
    }

    private Page typeTextedCode(Flow flow, Page codePage, Patient patient) throws Exception {
        Flow.expect(codePage, codePage.status() == 200 && "code".equals(codePage.careaccessPage()), "the security code page");
        String code = sns.latestCodeTo(patient.mobile());
        return flow.step("code", () -> codePage.form().set("code", code).submit());
    }

    @Override
    public void run(Flow flow) throws Exception {
        pool.use(patient -> {
            Browser browser = flow.browser();
            if (patient.deviceCookie() != null) {
                browser.addCookie(new Cookie("CAREACCESS_DEVICE", patient.deviceCookie(), "localhost", true, "/realms/" + realm + "/",
                        Instant.now().plus(LinkSeeder.LIFETIME), false, true, "Lax", null));
            }
            Page dob = flow.step("open link", () -> PatientJourney.openTextedLink(browser,
                    serverUrl + "/realms/" + realm + "/careaccess/l/" + patient.code(), portal));
            Flow.expect(dob, "dob".equals(dob.careaccessPage()), "the date of birth page");
            Page afterDob = flow.step("date of birth", () -> PatientJourney.enterDateOfBirth(dob, patient.birthDate()));
            Page back = device == Device.OTHER ? typeTextedCode(flow, afterDob, patient) : afterDob;
            Flow.expect(back, back.isRedirect() && back.location().toString().startsWith(RealmCopies.PATIENT_PORTAL_URL)
                    && back.locationParameter("code") != null, "the redirect back to the portal with a code");
            flow.step("token", () -> portal.redeem(back));
        });
    }
}
