package org.careaccess.keycloak.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.services.messages.Messages;

/**
 * Keycloak ships no Welsh, and a key without a Welsh value silently shows Keycloak's English. The
 * keys a person can meet are derived, never listed by hand, so that a new template, flow step,
 * required action or Keycloak upgrade cannot slip past:
 * <ol>
 * <li>the literal keys of every template the theme can render: its own (and the common ones), plus
 * Keycloak's base login templates these realms can show, following their imports. Which base
 * templates: those every realm shows (errors, info, expired page, logout, "try another way"), those
 * of each Keycloak authenticator in the realm's flows and of each enabled required action (a realm
 * declaring none gets Keycloak's defaults, as Keycloak does on import);</li>
 * <li>the keys Keycloak's Java code puts on those pages: every {@link Messages} constant that is a
 * base login message, less the groups of features these realms cannot reach (each with the realm
 * setting that rules it out, checked here); the names of the enabled required actions; password
 * policy and user-profile validation messages where the realm shows those forms.</li>
 * </ol>
 */
class KeycloakMessagesInWelshTest {

    private static final Path ROOT = Path.of(System.getProperty("careaccess.project.root"));
    private static final Path THEMES = ROOT.resolve("themes/src/main/resources/theme");
    private static final Path COMMON = THEMES.resolve("careaccess/common");
    private static final String BASE = "theme/base/login/";
    private static final Pattern LITERAL_KEY = Pattern.compile("\\b(?:msg|msgStr|advancedMsg)\\(\\s*[\"']([A-Za-z0-9_.\\-]+)[\"']\\s*[,)]");
    private static final Pattern IMPORT = Pattern.compile("<#(?:import|include)\\s+\"([^\"]+\\.ftl)\"");

    /** Keycloak's base pages any realm can show: errors, notices, the expired page, logout, "try another way". */
    private static final List<String> EVERY_REALM = List.of("error.ftl", "info.ftl", "login-page-expired.ftl",
            "logout-confirm.ftl", "frontchannel-logout.ftl", "select-authenticator.ftl");

    /** Keycloak authenticators and the base templates they render; ours (careaccess-*) render our own templates. */
    private static final Map<String, List<String>> AUTHENTICATOR_TEMPLATES = Map.ofEntries(
            Map.entry("auth-cookie", List.of()),
            Map.entry("deny-access-authenticator", List.of()),
            Map.entry("idp-create-user-if-unique", List.of()),
            Map.entry("idp-auto-link", List.of()),
            Map.entry("identity-provider-redirector", List.of()),
            Map.entry("auth-username-password-form", List.of("login.ftl")),
            Map.entry("auth-username-form", List.of("login-username.ftl")),
            Map.entry("auth-password-form", List.of("login-password.ftl")),
            Map.entry("auth-otp-form", List.of("login-otp.ftl")),
            Map.entry("auth-recovery-authn-code-form", List.of("login-recovery-authn-code-input.ftl")),
            Map.entry("webauthn-authenticator", List.of("webauthn-authenticate.ftl", "webauthn-error.ftl")),
            Map.entry("webauthn-authenticator-passwordless", List.of("webauthn-authenticate.ftl", "webauthn-error.ftl")),
            Map.entry("idp-review-profile", List.of("idp-review-user-profile.ftl")),
            Map.entry("idp-confirm-link", List.of("login-idp-link-confirm.ftl", "login-idp-link-confirm-override.ftl")),
            Map.entry("idp-email-verification", List.of("login-idp-link-email.ftl")),
            Map.entry("idp-username-password-form", List.of("login.ftl")));

    /** Required actions and the base templates they render; ours render our own. */
    private static final Map<String, List<String>> REQUIRED_ACTION_TEMPLATES = Map.ofEntries(
            Map.entry("update_user_locale", List.of()),
            Map.entry("UPDATE_PASSWORD", List.of("login-update-password.ftl")),
            Map.entry("VERIFY_EMAIL", List.of("login-verify-email.ftl")),
            Map.entry("UPDATE_PROFILE", List.of("login-update-profile.ftl")),
            Map.entry("VERIFY_PROFILE", List.of("login-update-profile.ftl")),
            Map.entry("UPDATE_EMAIL", List.of("update-email.ftl")),
            Map.entry("CONFIGURE_TOTP", List.of("login-config-totp.ftl")),
            Map.entry("CONFIGURE_RECOVERY_AUTHN_CODES", List.of("login-recovery-authn-code-config.ftl")),
            Map.entry("webauthn-register", List.of("webauthn-register.ftl", "webauthn-error.ftl")),
            Map.entry("webauthn-register-passwordless", List.of("webauthn-register.ftl", "webauthn-error.ftl")),
            Map.entry("delete_credential", List.of("delete-credential.ftl")),
            Map.entry("delete_account", List.of("delete-account-confirm.ftl")),
            Map.entry("TERMS_AND_CONDITIONS", List.of("terms.ftl")),
            Map.entry("idp_link", List.of("link-idp-action.ftl")));

    /** What Keycloak 26.7 enables in a realm whose import declares no required actions (DefaultRequiredActions). */
    private static final List<String> KEYCLOAK_DEFAULT_REQUIRED_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PROFILE",
            "CONFIGURE_TOTP", "UPDATE_PASSWORD", "VERIFY_PROFILE", "delete_credential", "idp_link", "update_user_locale",
            "CONFIGURE_RECOVERY_AUTHN_CODES", "webauthn-register", "webauthn-register-passwordless");

    /** The default user profile's attribute names, shown by the profile forms as ${username} etc. */
    private static final List<String> USER_PROFILE_NAMES = List.of("username", "email", "firstName", "lastName");

    /** Keys whose Welsh is rightly the same as the English: names, a bare placeholder, a word Welsh shares. */
    private static final Set<String> SAME_IN_WELSH = Set.of("locale_en", "locale_cy", "careaccess.footer", "loginTotpAlgorithm");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"careaccess-patient", "careaccess-staff"})
    void everyMessageAPersonCanMeetHasAWelshValue(String theme) throws IOException {
        Set<String> keys = reachableKeys(theme);
        Properties welsh = merged(theme, "cy");

        assertThat(keys).as("reachable keys of %s", theme).hasSizeGreaterThan(100);
        assertThat(new TreeSet<>(keys)).as("keys of %s with no Welsh value (Keycloak would show its English)", theme)
                .filteredOn(key -> !welsh.containsKey(key)).isEmpty();
        System.out.printf("%s: %d message keys a person can meet, each with a Welsh value%n", theme, keys.size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"careaccess-patient", "careaccess-staff"})
    void noWelshValueIsTheEnglishOneExceptNames(String theme) throws IOException {
        Properties english = base();
        english.putAll(merged(theme, "en"));
        Properties welsh = merged(theme, "cy");

        assertThat(new TreeSet<>(welsh.stringPropertyNames())).as("Welsh values of %s left in English", theme)
                .filteredOn(key -> !SAME_IN_WELSH.contains(key) && welsh.getProperty(key).equals(english.getProperty(key)))
                .isEmpty();
    }

    /** Keycloak fills in {0}, {1}...: a plainer wording may not drop one, or the page loses a name or a number. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"careaccess-patient", "careaccess-staff"})
    void overridesOfKeycloakMessagesKeepItsPlaceholders(String theme) throws IOException {
        Properties keycloak = base();
        for (String language : List.of("en", "cy")) {
            Properties ours = merged(theme, language);
            assertThat(new TreeSet<>(ours.stringPropertyNames())).as("%s messages of %s with other placeholders than Keycloak's", language, theme)
                    .filteredOn(keycloak::containsKey)
                    .filteredOn(key -> !placeholders(ours.getProperty(key)).equals(placeholders(keycloak.getProperty(key))))
                    .isEmpty();
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> indexes = new TreeSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(message);
        while (placeholder.find()) {
            indexes.add(placeholder.group(1));
        }
        return indexes;
    }

    private static Set<String> reachableKeys(String theme) throws IOException {
        List<JsonNode> realms = realmsUsing(theme);
        assertThat(realms).as("realms with login theme %s", theme).isNotEmpty();

        Set<String> requiredActions = new TreeSet<>();
        Set<String> templates = new TreeSet<>(EVERY_REALM);
        for (JsonNode realm : realms) {
            requiredActions.addAll(enabledRequiredActions(realm));
            templates.addAll(authenticatorTemplates(realm));
            templates.addAll(clientTemplates(realm));
        }
        requiredActions.forEach(action -> templates.addAll(REQUIRED_ACTION_TEMPLATES.getOrDefault(action, List.of())));

        Set<String> keys = new HashSet<>();
        try (Stream<Path> own = Stream.concat(Files.list(THEMES.resolve(theme).resolve("login")), Files.list(COMMON))) {
            own.filter(f -> f.toString().endsWith(".ftl")).forEach(f -> keys.addAll(literalKeys(read(f))));
        }
        keys.addAll(baseTemplateKeys(theme, templates));

        Properties base = base();
        keys.addAll(keycloakJavaMessages(base, realms));
        requiredActions.stream().map(action -> "requiredAction." + action).filter(base::containsKey).forEach(keys::add);
        if (templates.contains("login-update-password.ftl")) {
            base.stringPropertyNames().stream().filter(k -> k.startsWith("invalidPassword")).forEach(keys::add);
        }
        if (templates.contains("login-update-profile.ftl")) {
            base.stringPropertyNames().stream().filter(k -> k.startsWith("error-")).forEach(keys::add);
            keys.addAll(USER_PROFILE_NAMES);
        }
        return keys;
    }

    /** The values of Keycloak's Messages constants that are login messages, less features these realms cannot reach. */
    private static Set<String> keycloakJavaMessages(Properties base, List<JsonNode> realms) {
        Set<String> keys = new TreeSet<>();
        for (Field field : Messages.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                keys.add(constant(field));
            }
        }
        keys.retainAll(base.stringPropertyNames());
        assertThat(keys).as("Keycloak's Messages constants in base login messages").hasSizeGreaterThan(100);

        Map<Pattern, Predicate<JsonNode>> unreachableUnless = Map.of(
                // the OAuth 2.0 device grant: no client enables it
                Pattern.compile("oauth2Device.*"), realm -> clients(realm).anyMatch(
                        c -> "true".equals(c.path("attributes").path("oauth2.device.authorization.grant.enabled").asText())),
                // organisations are off in these realms
                Pattern.compile("org[A-Z].*|organization\\..*|staleInviteOrgLink"), realm -> realm.path("organizationsEnabled").asBoolean(),
                // SAML: no SAML client, no SAML identity provider
                Pattern.compile("saml\\..*|unsupportedNameIdFormatMessage|noRelayStateInResponseMessage"), realm ->
                        clients(realm).anyMatch(c -> "saml".equals(c.path("protocol").asText()))
                                || stream(realm.path("identityProviders")).anyMatch(i -> "saml".equals(i.path("providerId").asText())),
                // reCAPTCHA only runs on registration or as a flow step: registration is off, no flow has it
                Pattern.compile("recaptcha.*"), realm -> realm.path("registrationAllowed").asBoolean()
                        || authenticators(realm).anyMatch(a -> a.contains("recaptcha")),
                // WebAuthn and passkeys: only through their required actions or flow steps
                Pattern.compile("webauthn-.*"), realm -> enabledRequiredActions(realm).stream().anyMatch(a -> a.startsWith("webauthn"))
                        || authenticators(realm).anyMatch(a -> a.startsWith("webauthn")));
        unreachableUnless.forEach((keyPattern, reachable) -> {
            if (realms.stream().noneMatch(reachable)) {
                keys.removeIf(key -> keyPattern.matcher(key).matches());
            }
        });
        return keys;
    }

    private static Set<String> baseTemplateKeys(String theme, Set<String> templates) {
        Set<String> keys = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> toRead = new ArrayDeque<>(templates);
        while (!toRead.isEmpty()) {
            String template = toRead.pop();
            if (!seen.add(template) || ownTemplate(theme, template) != null) {
                continue; // ours wins over base (template.ftl) and was read with the theme's own
            }
            String text = baseResource(template);
            keys.addAll(literalKeys(text));
            Matcher imported = IMPORT.matcher(text);
            while (imported.find()) {
                toRead.push(imported.group(1));
            }
        }
        return keys;
    }

    private static Path ownTemplate(String theme, String template) {
        for (Path dir : List.of(THEMES.resolve(theme).resolve("login"), COMMON)) {
            if (Files.exists(dir.resolve(template))) {
                return dir.resolve(template);
            }
        }
        return null;
    }

    private static Set<String> authenticatorTemplates(JsonNode realm) {
        Set<String> templates = new TreeSet<>();
        authenticators(realm).filter(a -> !a.startsWith("careaccess-")).forEach(authenticator -> {
            assertThat(AUTHENTICATOR_TEMPLATES).as("the templates of authenticator %s in realm %s: add it to AUTHENTICATOR_TEMPLATES",
                    authenticator, realm.path("realm").asText()).containsKey(authenticator);
            templates.addAll(AUTHENTICATOR_TEMPLATES.get(authenticator));
        });
        return templates;
    }

    private static Set<String> clientTemplates(JsonNode realm) {
        Set<String> templates = new TreeSet<>();
        clients(realm).forEach(client -> {
            if (client.path("consentRequired").asBoolean()) {
                templates.add("login-oauth-grant.ftl");
            }
            if (stream(client.path("redirectUris")).anyMatch(uri -> uri.asText().startsWith("urn:ietf:wg:oauth:2.0:oob"))) {
                templates.add("code.ftl");
            }
            if ("saml".equals(client.path("protocol").asText())) {
                templates.add("saml-post-form.ftl");
            }
        });
        return templates;
    }

    private static Set<String> enabledRequiredActions(JsonNode realm) {
        if (!realm.has("requiredActions")) {
            return new TreeSet<>(KEYCLOAK_DEFAULT_REQUIRED_ACTIONS);
        }
        Set<String> actions = new TreeSet<>();
        stream(realm.path("requiredActions")).filter(a -> a.path("enabled").asBoolean()).map(a -> a.path("alias").asText())
                .filter(alias -> !alias.startsWith("careaccess-")).forEach(alias -> {
                    assertThat(REQUIRED_ACTION_TEMPLATES).as("the templates of required action %s: add it to REQUIRED_ACTION_TEMPLATES", alias)
                            .containsKey(alias);
                    actions.add(alias);
                });
        return actions;
    }

    private static Stream<String> authenticators(JsonNode realm) {
        return stream(realm.path("authenticationFlows")).flatMap(flow -> stream(flow.path("authenticationExecutions")))
                .filter(execution -> execution.hasNonNull("authenticator")).map(execution -> execution.path("authenticator").asText())
                .filter(authenticator -> !authenticator.startsWith("conditional-"));
    }

    private static Stream<JsonNode> clients(JsonNode realm) {
        return stream(realm.path("clients"));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static List<JsonNode> realmsUsing(String theme) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(ROOT.resolve("realm-config"))) {
            return files.filter(f -> f.toString().endsWith("-realm.json")).sorted().map(f -> {
                try {
                    return json.readTree(f.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(realm -> theme.equals(realm.path("loginTheme").asText())).toList();
        }
    }

    private static Set<String> literalKeys(String template) {
        Set<String> keys = new HashSet<>();
        Matcher key = LITERAL_KEY.matcher(template);
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }

    /** The Welsh (or English) bundle Keycloak merges for the theme: the common messages, then the theme's own. */
    private static Properties merged(String theme, String language) throws IOException {
        Properties messages = load(COMMON.resolve("messages/messages_" + language + ".properties"));
        messages.putAll(load(THEMES.resolve(theme).resolve("login/messages/messages_" + language + ".properties")));
        return messages;
    }

    private static Properties base() throws IOException {
        Properties messages = new Properties();
        try (Reader reader = new InputStreamReader(resource(BASE + "messages/messages_en.properties"), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        return messages;
    }

    private static String baseResource(String template) {
        try (InputStream in = resource(BASE + template)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = KeycloakMessagesInWelshTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as("%s in keycloak-themes", name).isNotNull();
        return in;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
