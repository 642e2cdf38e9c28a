package org.careaccess.keycloak.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSessionFactory;

class LogSmsSenderFactoryTest {

    private final LogSmsSenderFactory factory = new LogSmsSenderFactory();

    @Test
    void writesTheNumberAndTheWholeTextToTheLog() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            factory.create(null).send(new SmsMessage("+447700900123", "123456 is your code.\n\n@h #123456", Map.of()));

            assertThat(logs.lines()).contains("careaccess-sms to=+447700900123 text=\"123456 is your code.\\n\\n@h #123456\"");
        }
    }

    @Test
    void warnsAtStartUpWhenItIsTheProviderInUse() {
        KeycloakSessionFactory sessions = mock(KeycloakSessionFactory.class);
        when(sessions.getProviderFactory(SmsSender.class)).thenReturn(factory);
        try (LogCapture logs = new LogCapture()) {
            factory.postInit(sessions);
            assertThat(logs.lines()).anyMatch(line -> line.contains("for development only"));
        }
    }

    @Test
    void staysQuietWhenAnotherProviderIsInUse() {
        KeycloakSessionFactory sessions = mock(KeycloakSessionFactory.class);
        when(sessions.getProviderFactory(SmsSender.class)).thenReturn(new SnsSmsSenderFactory());
        try (LogCapture logs = new LogCapture()) {
            factory.postInit(sessions);
            assertThat(logs.lines()).noneMatch(line -> line.contains("for development only"));
        }
    }

    @Test
    void isTheDefaultUnlessAnotherIsConfigured() {
        assertThat(factory.order()).isGreaterThan(new SnsSmsSenderFactory().order()).isGreaterThan(new NotifySmsSenderFactory().order());
    }
}
