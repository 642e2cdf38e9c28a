package org.careaccess.demoportal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * One realm's portal under {@code /{realm}/}: the home page, {@code sign-in}, the login-initiation
 * endpoint {@code login} (OpenID Connect Core 4: {@code iss}, {@code target_link_uri},
 * {@code careaccess_link}), {@code callback}, {@code reset-2fa} (staff) and {@code sign-out}.
 */
final class RealmPortal implements HttpHandler {

    static final String LINK_PARAMETER = "careaccess_link";
    static final String RESET_TWO_FACTOR_ACTION = "careaccess-reset-2fa";
    private static final Pattern LINK_CODE = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final PortalRealm realm;
    private final RelyingParty party;
    private final String base;
    private final PortalSessions sessions;
    private final String name;

    RealmPortal(PortalRealm realm, RelyingParty party, String base) {
        this.realm = realm;
        this.party = party;
        this.base = base;
        this.sessions = new PortalSessions("/" + realm.realm() + "/");
        this.name = realm.staff() ? "Staff portal" : "Patient portal";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(realm.realm().length() + 1);
            String method = exchange.getRequestMethod();
            try {
                switch (method + " " + path) {
                    case "GET /" -> home(exchange);
                    case "GET /sign-in" -> startSignIn(exchange, Map.of());
                    case "GET /login" -> initiatedLogin(exchange);
                    case "GET /callback" -> callback(exchange);
                    case "GET /reset-2fa" -> resetTwoFactor(exchange);
                    case "POST /sign-out" -> signOut(exchange);
                    default -> send(exchange, 404, "Page not found", PortalPages.paragraph("There is no page at this address."));
                }
            } catch (RelyingParty.Refused e) {
                send(exchange, 400, "Sign-in refused", PortalPages.paragraph(e.getMessage())
                        + PortalPages.link("sign-in", base + "/sign-in", "Sign in again"));
            }
        }
    }

    private void home(HttpExchange exchange) throws IOException {
        PortalSessions.Session session = sessions.find(exchange);
        RelyingParty.SignedIn signedIn = session == null ? null : session.signedIn;
        if (signedIn == null) {
            send(exchange, 200, "You are not signed in", PortalPages.link("sign-in", base + "/sign-in", "Sign in"));
            return;
        }
        send(exchange, 200, "You are signed in", realm.staff() ? staffPage(signedIn.claims()) : patientPage(signedIn.claims()));
    }

    /**
     * Third-party-initiated login: anyone may send a browser here, so nothing is trusted but the
     * issuer check; the portal then starts its own request, and only its answer signs anyone in.
     */
    private void initiatedLogin(HttpExchange exchange) throws IOException, RelyingParty.Refused {
        Map<String, String> query = query(exchange.getRequestURI());
        if (!party.issuer().getValue().equals(query.get("iss"))) {
            throw new RelyingParty.Refused("This sign-in was started for another issuer.");
        }
        String target = query.get("target_link_uri");
        if (target != null && !target.startsWith(base + "/")) {
            throw new RelyingParty.Refused("This sign-in was started for another site.");
        }
        String link = query.get(LINK_PARAMETER);
        startSignIn(exchange, link != null && LINK_CODE.matcher(link).matches() ? Map.of(LINK_PARAMETER, link) : Map.of());
    }

    private void resetTwoFactor(HttpExchange exchange) throws IOException, RelyingParty.Refused {
        if (!realm.staff()) {
            send(exchange, 404, "Page not found", PortalPages.paragraph("There is no page at this address."));
            return;
        }
        startSignIn(exchange, Map.of("kc_action", RESET_TWO_FACTOR_ACTION));
    }

    private void startSignIn(HttpExchange exchange, Map<String, String> extraParameters) throws IOException, RelyingParty.Refused {
        Map.Entry<RelyingParty.Pending, URI> request = party.authorizationRequest(extraParameters);
        sessions.findOrStart(exchange).pending = request.getKey();
        redirect(exchange, request.getValue());
    }

    private void callback(HttpExchange exchange) throws IOException, RelyingParty.Refused {
        PortalSessions.Session session = sessions.find(exchange);
        RelyingParty.Pending pending = session == null ? null : session.pending;
        URI full = URI.create(base + "/callback" + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        RelyingParty.SignedIn signedIn = party.callback(full, pending);
        session.pending = null;
        session.signedIn = signedIn;
        redirect(exchange, URI.create(base + "/"));
    }

    private void signOut(HttpExchange exchange) throws IOException, RelyingParty.Refused {
        PortalSessions.Session session = sessions.find(exchange);
        RelyingParty.SignedIn signedIn = session == null ? null : session.signedIn;
        sessions.end(exchange);
        redirect(exchange, signedIn == null ? URI.create(base + "/") : party.logout(signedIn.idToken(), URI.create(base + "/")));
    }

    private String patientPage(IDTokenClaimsSet claims) {
        Map<?, ?> link = claims.getClaim(LINK_PARAMETER) instanceof Map<?, ?> map ? map : Map.of();
        List<String> amr = amr(claims);
        return PortalPages.facts(List.of(
                        Map.entry("Patient (id)", claims.getSubject().getValue()),
                        Map.entry("Name", fullName(claims)),
                        Map.entry("The link's purpose", String.valueOf(link.get("purpose"))),
                        Map.entry("The link's resource", String.valueOf(link.get("resource"))),
                        Map.entry("How the patient proved it (amr)", String.join(" ", amr) + " (" + describeAmr(amr) + ")")),
                List.of("patient", "name", "purpose", "resource", "amr"))
                + PortalPages.paragraph("A real portal would now open " + link.get("purpose") + " " + link.get("resource")
                        + " for this patient, and nothing else.")
                + PortalPages.postButton("sign-out", base + "/sign-out", "Sign out");
    }

    private String staffPage(IDTokenClaimsSet claims) {
        String provider = claims.getStringClaim("careaccess_identity_provider");
        return PortalPages.facts(List.of(
                        Map.entry("Name", fullName(claims)),
                        Map.entry("Email", String.valueOf(claims.getStringClaim("email"))),
                        Map.entry("Signed in with", provider == null ? "Password or emailed sign-in link" : provider),
                        Map.entry("Two-factor authentication", describeSecondFactor(claims.getStringClaim("careaccess_second_factor"))),
                        Map.entry("Staff id", claims.getSubject().getValue())),
                List.of("name", "email", "signed-in-with", "second-factor", "staff"))
                + PortalPages.link("reset-2fa", base + "/reset-2fa", "Reset two-factor authentication")
                + PortalPages.postButton("sign-out", base + "/sign-out", "Sign out");
    }

    private static String fullName(IDTokenClaimsSet claims) {
        String given = claims.getStringClaim("given_name");
        String family = claims.getStringClaim("family_name");
        return ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
    }

    private static List<String> amr(IDTokenClaimsSet claims) {
        List<String> values = new ArrayList<>();
        if (claims.getClaim("amr") instanceof List<?> list) {
            list.forEach(value -> values.add(String.valueOf(value)));
        }
        return values;
    }

    private static String describeAmr(List<String> amr) {
        Map<String, String> words = Map.of("dob", "date of birth", "sms", "code texted to their phone", "device",
                "the link's trusted device", "nhslogin", "NHS login");
        List<String> described = amr.stream().map(value -> words.getOrDefault(value, value)).toList();
        return described.isEmpty() ? "nothing recorded" : String.join(", ", described);
    }

    private static String describeSecondFactor(String method) {
        if (method == null || method.equals("none")) {
            return "None in this sign-in";
        }
        return switch (method) {
            case "sms" -> "Text message code (sms)";
            case "app" -> "Authenticator app (app)";
            default -> method;
        };
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> first = new LinkedHashMap<>();
        URLUtils.parseParameters(uri.getRawQuery()).forEach((name, values) -> first.put(name, values.isEmpty() ? "" : values.get(0)));
        return first;
    }

    private void send(HttpExchange exchange, int status, String title, String body) throws IOException {
        byte[] html = PortalPages.page(name, title, body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' "
                + party.issuer().getValue().replaceAll("(https?://[^/]+).*", "$1"));
        exchange.sendResponseHeaders(status, html.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(html);
        }
    }

    private static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }
}
