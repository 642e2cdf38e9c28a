package org.careaccess.keycloak.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import org.careaccess.keycloak.otp.TextedSecurityCode.SendOutcome;
import org.careaccess.keycloak.otp.TextedSecurityCode.VerifyOutcome;
import org.careaccess.keycloak.sms.SmsDeliveryException;
import org.careaccess.keycloak.sms.SmsMessage;
import org.careaccess.keycloak.sms.SmsSender;
import org.careaccess.testkit.SecurityCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeyManager;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.ThemeManager;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

class TextedSecurityCodeTest {

    private static final String NUMBER = "+447700900123";

    private final InMemorySingleUseObjects store = new InMemorySingleUseObjects();
    private final List<SmsMessage> texts = new ArrayList<>();
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final KeycloakContext context = mock(KeycloakContext.class);
    private final Theme loginTheme = mock(Theme.class);
    private SmsDeliveryException gatewayFailure;

    @BeforeEach
    void keycloak() throws Exception {
        KeyWrapper key = new KeyWrapper();
        key.setKid("hmac-1");
        key.setAlgorithm(Algorithm.HS512);
        key.setSecretKey(new SecretKeySpec(new byte[64], "HmacSHA512"));
        KeyManager keys = mock(KeyManager.class);
        when(keys.getActiveKey(realm, KeyUse.SIG, Algorithm.HS512)).thenReturn(key);
        when(keys.getKey(eq(realm), eq("hmac-1"), eq(KeyUse.SIG), anyString())).thenReturn(key);
        when(keys.getKeysStream(realm)).thenAnswer(i -> Stream.of(key));
        when(session.keys()).thenReturn(keys);
        when(session.singleUseObjects()).thenReturn(store);
        when(session.getProvider(SmsSender.class)).thenReturn(new SmsSender() {
            @Override
            public void send(SmsMessage message) throws SmsDeliveryException {
                if (gatewayFailure != null) {
                    throw gatewayFailure;
                }
                texts.add(message);
            }
        });
        when(session.getContext()).thenReturn(context);
        signInIn(Locale.ENGLISH);
        ThemeManager themes = mock(ThemeManager.class);
        when(themes.getTheme(Theme.Type.LOGIN)).thenReturn(loginTheme);
        when(session.theme()).thenReturn(themes);
        when(loginTheme.getEnhancedMessages(realm, Locale.ENGLISH)).thenReturn(messages("{0} is your {1} security code. Do not share it."));
        when(loginTheme.getEnhancedMessages(realm, Locale.forLanguageTag("cy")))
                .thenReturn(messages("{0} yw eich cod diogelwch {1}. Peidiwch â''i rannu."));
        when(realm.getId()).thenReturn("realm-id");
        when(realm.getDisplayName()).thenReturn("Riverside Surgery");
    }

    /** The language Keycloak chose for the sign-in page. */
    private void signInIn(Locale locale) {
        when(context.resolveLocale(any(UserModel.class), eq(Theme.Type.LOGIN))).thenReturn(locale);
        when(context.resolveLocale(null, Theme.Type.LOGIN)).thenReturn(locale);
    }

    private static Properties messages(String codeText) {
        Properties messages = new Properties();
        messages.setProperty(SecurityCodeText.MESSAGE_KEY, codeText);
        return messages;
    }

    /** The code step in a new request: what the last request stored is committed first. */
    private TextedSecurityCode code(String subject) {
        return code(subject, CodePolicy.DEFAULTS);
    }

    private TextedSecurityCode code(String subject, CodePolicy policy) {
        store.commit();
        return new TextedSecurityCode(session, realm, "link", subject, policy, store.clock());
    }

    private String lastCode() {
        return SecurityCodes.in(texts.get(texts.size() - 1).text());
    }

    @Test
    void textsASixDigitCodeWithTheOriginBoundLine() {
        assertThat(code("link-1").sendUnlessLive(NUMBER, "care.example.org").outcome()).isEqualTo(SendOutcome.SENT);

        assertThat(texts).singleElement().satisfies(text -> {
            assertThat(text.to()).isEqualTo(NUMBER);
            assertThat(text.text()).matches("\\d{6} is your Riverside Surgery security code\\. Do not share it\\.\n\n@care\\.example\\.org #\\d{6}");
        });
    }

    @Test
    void aSignInInWelshTextsTheCodeInWelshWithTheSameOriginBoundLine() {
        signInIn(Locale.forLanguageTag("cy"));

        code("link-1").sendUnlessLive(NUMBER, "care.example.org");

        assertThat(texts).singleElement().satisfies(text -> {
            assertThat(text.text()).matches("\\d{6} yw eich cod diogelwch Riverside Surgery\\. Peidiwch â'i rannu\\.\n\n@care\\.example\\.org #\\d{6}");
            assertThat(text.isWelsh()).isTrue();
            assertThat(SecurityCodes.in(text.text())).isEqualTo(text.personalisation().get("code"));
        });
    }

    @Test
    void aThemeWithoutTheWordingTextsTheCodeInEnglish() throws Exception {
        signInIn(Locale.forLanguageTag("cy"));
        when(loginTheme.getEnhancedMessages(realm, Locale.forLanguageTag("cy"))).thenReturn(new Properties());

        code("link-1").sendUnlessLive(NUMBER, "care.example.org");

        assertThat(texts).singleElement().satisfies(text -> {
            assertThat(text.text()).startsWith(text.personalisation().get("code") + " is your Riverside Surgery security code.");
            assertThat(text.isWelsh()).isFalse();
        });
    }

    @Test
    void showingThePageAgainNeverTextsAgain() {
        code("link-1").sendUnlessLive(NUMBER, "care.example.org");
        store.advanceSeconds(120);

        assertThat(code("link-1").sendUnlessLive(NUMBER, "care.example.org").outcome()).isEqualTo(SendOutcome.ALREADY_SENT);
        assertThat(texts).hasSize(1);
    }

    @Test
    void theRightCodeWorksOnceOnly() {
        code("link-1").sendUnlessLive(NUMBER, "h");
        String sent = lastCode();

        assertThat(code("link-1").verify(sent).outcome()).isEqualTo(VerifyOutcome.ACCEPTED);
        assertThat(code("link-1").verify(sent).outcome()).isEqualTo(VerifyOutcome.NO_LIVE_CODE);
    }

    @Test
    void aCodeIsNoGoodForAnotherSubject() {
        code("link-1").sendUnlessLive(NUMBER, "h");
        assertThat(code("link-2").verify(lastCode()).outcome()).isEqualTo(VerifyOutcome.NO_LIVE_CODE);
    }

    @Test
    void theCodeIsStoredOnlyAsAnHmac() {
        code("link-1").sendUnlessLive(NUMBER, "h");
        String sent = lastCode();
        var stored = store.get("careaccess:code:realm-id:link:link-1");

        assertThat(stored).containsKeys("hmac", "kid", "serial", "sent");
        assertThat(stored.values()).noneMatch(value -> value.contains(sent));
    }

    @Test
    void fiveWrongTriesKillTheCode() {
        code("link-1").sendUnlessLive(NUMBER, "h");
        String right = lastCode();
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int left = 4; left >= 1; left--) {
            var result = code("link-1").verify(wrong);
            assertThat(result.outcome()).isEqualTo(VerifyOutcome.WRONG);
            assertThat(result.attemptsLeft()).isEqualTo(left);
        }
        assertThat(code("link-1").verify(wrong).outcome()).isEqualTo(VerifyOutcome.ATTEMPTS_USED_UP);
        assertThat(code("link-1").verify(right).outcome()).isEqualTo(VerifyOutcome.NO_LIVE_CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "abcdef", "12 34 5", "<script>", "１２３４５６７"})
    void somethingThatIsNotSixDigitsCostsNoTry(String typed) {
        code("link-1").sendUnlessLive(NUMBER, "h");
        assertThat(code("link-1").verify(typed).outcome()).isEqualTo(VerifyOutcome.MALFORMED);
        assertThat(code("link-1").attemptsLeft()).isEqualTo(5);
    }

    @Test
    void aPastedCodeWithSpacesOrOtherDigitsIsRead() {
        assertThat(TextedSecurityCode.normalise(" 482 913 ")).contains("482913");
        assertThat(TextedSecurityCode.normalise("482-913")).contains("482913");
        assertThat(TextedSecurityCode.normalise("٤٨٢٩١٣")).contains("482913");
    }

    @Test
    void theCodeExpiresAfterItsLifetime() {
        code("link-1").sendUnlessLive(NUMBER, "h");
        String sent = lastCode();
        store.advanceSeconds(600);

        assertThat(code("link-1").verify(sent).outcome()).isEqualTo(VerifyOutcome.NO_LIVE_CODE);
    }

    @Test
    void aNewCodeWaitsForTheCooldownAndReplacesTheOldOne() {
        code("link-1").sendUnlessLive(NUMBER, "h");
        String first = lastCode();
        store.advanceSeconds(10);

        var tooSoon = code("link-1").sendNew(NUMBER, "h");
        assertThat(tooSoon.outcome()).isEqualTo(SendOutcome.COOLDOWN);
        assertThat(tooSoon.retryAfterSeconds()).isEqualTo(20);

        store.advanceSeconds(20);
        assertThat(code("link-1").sendNew(NUMBER, "h").outcome()).isEqualTo(SendOutcome.SENT);
        String second = lastCode();
        if (!second.equals(first)) {
            assertThat(code("link-1").verify(first).outcome()).isEqualTo(VerifyOutcome.WRONG);
        }
        assertThat(code("link-1").verify(second).outcome()).isEqualTo(VerifyOutcome.ACCEPTED);
    }

    @Test
    void aCooldownOfZeroLetsANewCodeBeAskedForAtOnce() {
        CodePolicy noCooldown = new CodePolicy(600, 5, 0, 5, 10);
        code("link-1", noCooldown).sendUnlessLive(NUMBER, "h");

        assertThat(code("link-1", noCooldown).sendNew(NUMBER, "h").outcome()).isEqualTo(SendOutcome.SENT);
        assertThat(code("link-1", noCooldown).secondsUntilResendAllowed()).isZero();
        assertThat(texts).hasSize(2);
    }

    @Test
    void aUsedCodeEndsTheCooldownSoTheNextSignInGetsATextAtOnce() {
        code("person-1").sendUnlessLive(NUMBER, "care.example.org");
        assertThat(code("person-1").verify(lastCode()).outcome()).isEqualTo(VerifyOutcome.ACCEPTED);

        assertThat(code("person-1").sendUnlessLive(NUMBER, "care.example.org").outcome()).isEqualTo(SendOutcome.SENT);
        assertThat(texts).hasSize(2);
    }

    @Test
    void atMostFiveTextsPerSubjectAnHour() {
        for (int i = 0; i < 5; i++) {
            assertThat(code("link-1").sendNew(NUMBER, "h").outcome()).isEqualTo(SendOutcome.SENT);
            store.advanceSeconds(30);
        }
        assertThat(code("link-1").sendNew(NUMBER, "h").outcome()).isEqualTo(SendOutcome.SUBJECT_LIMIT);
        store.advanceSeconds(3600);
        assertThat(code("link-1").sendNew(NUMBER, "h").outcome()).isEqualTo(SendOutcome.SENT);
    }

    @Test
    void atMostTenTextsPerNumberADayWhateverTheSubject() {
        for (int i = 0; i < 10; i++) {
            assertThat(code("link-" + i).sendNew(NUMBER, "h").outcome()).isEqualTo(SendOutcome.SENT);
        }
        assertThat(code("link-10").sendNew(NUMBER, "h").outcome()).isEqualTo(SendOutcome.NUMBER_LIMIT);
        assertThat(code("link-10").sendNew("+447700900124", "h").outcome()).isEqualTo(SendOutcome.SENT);
    }

    @Test
    void aFailedSendCountsNothingAndKeepsNoCode() {
        gatewayFailure = new SmsDeliveryException(SmsDeliveryException.Reason.UNAVAILABLE, "HTTP 500");

        var failed = code("link-1").sendUnlessLive(NUMBER, "h");
        assertThat(failed.outcome()).isEqualTo(SendOutcome.FAILED);
        assertThat(failed.failure().reason()).isEqualTo(SmsDeliveryException.Reason.UNAVAILABLE);
        assertThat(code("link-1").isLive()).isFalse();

        gatewayFailure = null;
        assertThat(code("link-1").sendUnlessLive(NUMBER, "h").outcome()).as("no cooldown after a failure").isEqualTo(SendOutcome.SENT);
        assertThat(code("link-1").verify(lastCode()).outcome()).isEqualTo(VerifyOutcome.ACCEPTED);
    }

    @Test
    void aFailedResendKeepsTheCodeSentBefore() {
        code("link-1").sendUnlessLive(NUMBER, "h");
        String first = lastCode();
        store.advanceSeconds(30);
        gatewayFailure = new SmsDeliveryException(SmsDeliveryException.Reason.TIMED_OUT, "stalled");

        assertThat(code("link-1").sendNew(NUMBER, "h").outcome()).isEqualTo(SendOutcome.FAILED);
        assertThat(code("link-1").verify(first).outcome()).isEqualTo(VerifyOutcome.ACCEPTED);
    }

    @Test
    void codesAreSpreadOverAllSixDigits() {
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < 2000; i++) {
            seen.add(TextedSecurityCode.newCode());
        }
        assertThat(seen).hasSizeGreaterThan(1990).allMatch(c -> c.matches("\\d{6}"));
    }

    @Test
    void anUnsetOrUnreadableConfigKeepsTheDefaults() {
        assertThat(CodePolicy.from(null)).isEqualTo(CodePolicy.DEFAULTS);
        var config = new org.keycloak.models.AuthenticatorConfigModel();
        config.setConfig(new java.util.HashMap<>(java.util.Map.of(CodePolicy.MAX_ATTEMPTS, "lots", CodePolicy.LIFETIME_SECONDS, "-5",
                CodePolicy.RESEND_COOLDOWN_SECONDS, "60")));
        assertThat(CodePolicy.from(config)).isEqualTo(new CodePolicy(600, 5, 60, 5, 10));
    }

    @Test
    void codeSettingsOutOfBoundsKeepTheDefaultsAndAreNumbersInTheConsole() {
        var config = new org.keycloak.models.AuthenticatorConfigModel();
        config.setConfig(java.util.Map.of(CodePolicy.LIFETIME_SECONDS, "86401", CodePolicy.RESEND_COOLDOWN_SECONDS, "-1",
                CodePolicy.MAX_TEXTS_PER_HOUR, "1000001", CodePolicy.MAX_TEXTS_PER_NUMBER_PER_DAY, "0"));
        assertThat(CodePolicy.from(config)).isEqualTo(CodePolicy.DEFAULTS);
        assertThat(CodePolicy.configProperties("link")).extracting(p -> p.getType())
                .containsOnly(org.keycloak.provider.ProviderConfigProperty.INTEGER_TYPE);
    }

}
