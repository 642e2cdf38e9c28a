package org.careaccess.keycloak.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

class AuthenticationMethodsTest {

    @Test
    void methodsAreAddedOnceInTheOrderTheyHappened() {
        AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
        when(authSession.getClientNote(AuthenticationMethods.NOTE)).thenReturn("dob");

        AuthenticationMethods.add(authSession, AuthenticationMethods.SMS);

        verify(authSession).setClientNote(AuthenticationMethods.NOTE, "dob sms");
        verify(authSession).setUserSessionNote(AuthenticationMethods.NOTE, "dob sms");
    }

    @Test
    void nothingRecordedMeansNoValues() {
        assertThat(AuthenticationMethods.parse(null)).isEmpty();
        assertThat(AuthenticationMethods.parse("")).isEmpty();
        assertThat(AuthenticationMethods.parse("dob  device")).containsExactly("dob", "device");
    }
}
