package org.careaccess.benchmark.scenarios;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.careaccess.benchmark.BenchmarkServer;
import org.careaccess.benchmark.Flow;
import org.careaccess.benchmark.Scenario;
import org.careaccess.benchmark.UserImport;
import org.careaccess.testkit.AuthenticatorApp;
import org.careaccess.testkit.OidcClient;
import org.careaccess.testkit.Page;
import org.careaccess.testkit.TestRealm;

/**
 * Scenario 1, the reference: Keycloak's own browser flow with username and password, then a TOTP
 * code from an authenticator app, in a realm with Keycloak's defaults (argon2 password hashing,
 * TOTP SHA-1 / 6 digits / 30 s, codes usable once). Steps: the sign-in page, the password post,
 * the code post, the client's code-for-tokens request.
 */
public final class PasswordAndTotp implements Scenario {

    static final String REALM = "bench-builtin";
    private static final String PASSWORD = "benchmark password 1";
    private static final String OTP_CREDENTIAL_DATA =
            "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\"}";

    private final int users;
    private BlockingQueue<User> pool;
    private OidcClient client;
    private String serverUrl;
    private TestRealm realm;

    /** A user and the last time step a code of theirs was used: Keycloak takes each code only once. */
    private static final class User {
        final String username;
        final byte[] otpKey;
        long lastStep = -1;

        User(String username, String otpSecret) {
            this.username = username;
            this.otpKey = otpSecret.getBytes(StandardCharsets.UTF_8);
        }
    }

    public PasswordAndTotp(int users) {
        this.users = users;
    }

    @Override
    public String id() {
        return "1-password-totp";
    }

    @Override
    public String title() {
        return "Keycloak built-in: username + password, then TOTP (reference)";
    }

    @Override
    public void prepare(BenchmarkServer server) throws Exception {
        serverUrl = server.url();
        realm = TestRealm.create(server.admin(), REALM);
        client = realm.client(serverUrl);
        pool = new ArrayBlockingQueue<>(users);
        List<User> made = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            made.add(new User(String.format("totp-user-%06d", i), randomSecret()));
        }
        // One user through the admin API, the rest with a copy of its password hash (UserImport).
        User first = made.get(0);
        realm.user(first.username, List.of(TestRealm.password(PASSWORD), otp(first)));
        UserImport.PasswordHash hash = UserImport.passwordHashOf(server, REALM, first.username);
        UserImport.importUsers(server, REALM, made.subList(1, made.size()).stream().map(user -> userRepresentation(user, hash)).toList());
        pool.addAll(made);
    }

    private static Map<String, Object> otp(User user) {
        return Map.of("type", "otp", "userLabel", "benchmark",
                "secretData", "{\"value\":\"" + new String(user.otpKey, StandardCharsets.UTF_8) + "\"}",
                "credentialData", OTP_CREDENTIAL_DATA);
    }

    private static Map<String, Object> userRepresentation(User user, UserImport.PasswordHash hash) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("username", user.username);
        rep.put("enabled", true);
        rep.put("email", user.username + "@example.org");
        rep.put("emailVerified", true);
        rep.put("firstName", "Bench");
        rep.put("lastName", "User");
        rep.put("credentials", List.of(hash.credential(), otp(user)));
        return rep;
    }

    private static String randomSecret() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }

    @Override
    public void run(Flow flow) throws Exception {
        User user = takeUserWithUnusedCode();
        try {
            Page signIn = flow.step("sign-in page", () -> flow.browser().open(client.authorizationUri()));
            Flow.expect(signIn, signIn.status() == 200 && signIn.body().contains("kc-form-login"), "the sign-in page");
            Page otpPage = flow.step("password", () -> TestRealm.submitPassword(signIn, user.username, PASSWORD));
            Flow.expect(otpPage, otpPage.status() == 200 && otpPage.body().contains("kc-otp-login-form"), "the code page");
            String code = AuthenticatorApp.withRawKey(user.otpKey).codeFor(user.lastStep);
            Page back = flow.step("code", () -> otpPage.form("form#kc-otp-login-form").set("otp", code).submit());
            Flow.expect(back, TestRealm.isCodeRedirect(back), "the redirect back with a code");
            flow.step("token", () -> client.redeem(back));
        } finally {
            pool.put(user);
        }
    }

    /** A user whose code for the current time step has not been used yet. */
    private User takeUserWithUnusedCode() throws InterruptedException {
        while (true) {
            User user = pool.poll(10, TimeUnit.SECONDS);
            if (user == null) {
                throw new IllegalStateException("no free user: raise -Dbenchmark.users");
            }
            long step = AuthenticatorApp.step(Instant.now());
            if (user.lastStep < step) {
                user.lastStep = step;
                return user;
            }
            pool.put(user);
            if (pool.peek() == user) {
                Thread.sleep(100);
            }
        }
    }
}
