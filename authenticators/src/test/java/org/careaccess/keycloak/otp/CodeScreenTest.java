package org.careaccess.keycloak.otp;

import static org.assertj.core.api.Assertions.assertThat;

import org.careaccess.keycloak.otp.TextedSecurityCode.SendOutcome;
import org.careaccess.keycloak.otp.TextedSecurityCode.SendResult;
import org.careaccess.keycloak.otp.TextedSecurityCode.VerifyOutcome;
import org.careaccess.keycloak.otp.TextedSecurityCode.VerifyResult;
import org.careaccess.keycloak.sms.SmsDeliveryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeScreenTest {

    @ParameterizedTest
    @CsvSource({"SENT, sent, sent", "ALREADY_SENT, already_sent, already_sent", "COOLDOWN, cooldown, cooldown",
            "SUBJECT_LIMIT, limit_link, limit_user", "NUMBER_LIMIT, limit_number, limit_number"})
    void patientsAndStaffShareOneVocabularyOfTextOutcomes(SendOutcome outcome, String patient, String staff) {
        SendResult sent = new SendResult(outcome, 0, null);

        assertThat(CodeScreen.PATIENT.smsDetail(sent)).isEqualTo(patient);
        assertThat(CodeScreen.STAFF.smsDetail(sent)).isEqualTo(staff);
    }

    @Test
    void aFailedTextNamesTheGatewaysReason() {
        SendResult failed = new SendResult(SendOutcome.FAILED, 0,
                new SmsDeliveryException(SmsDeliveryException.Reason.REJECTED, "refused"));

        assertThat(CodeScreen.STAFF.smsDetail(failed)).isEqualTo("failed_rejected");
        assertThat(CodeScreen.PATIENT.smsDetail(failed)).isEqualTo("failed_rejected");
        assertThat(CodeScreen.PATIENT.afterSend(failed, true)).isEmpty();
    }

    @Test
    void aWaitIsAnErrorWithTheSecondsLeft() {
        CodeScreen.Message message = CodeScreen.STAFF.afterSend(new SendResult(SendOutcome.COOLDOWN, 17, null), true).orElseThrow();

        assertThat(message.error()).isTrue();
        assertThat(message.key()).isEqualTo("careaccess.staff.code.cooldown");
        assertThat(message.parameters()).containsExactly(17L);
    }

    @Test
    void aNewCodeIsConfirmedOnlyWhenThePersonAskedForIt() {
        SendResult sent = new SendResult(SendOutcome.SENT, 0, null);

        assertThat(CodeScreen.PATIENT.afterSend(sent, false)).isEmpty();
        assertThat(CodeScreen.PATIENT.afterSend(sent, true)).hasValueSatisfying(m -> {
            assertThat(m.error()).isFalse();
            assertThat(m.key()).isEqualTo("careaccess.code.newCodeSent");
        });
    }

    @Test
    void wrongCodesCountForBothAudiencesExpiredOnesOnlyForStaffMistypedOnesNever() {
        for (CodeScreen screen : new CodeScreen[] {CodeScreen.PATIENT, CodeScreen.STAFF}) {
            assertThat(screen.refusal(new VerifyResult(VerifyOutcome.WRONG, 3), "123456")).get().matches(CodeScreen.Refusal::counts);
            assertThat(screen.refusal(new VerifyResult(VerifyOutcome.ATTEMPTS_USED_UP, 0), "123456")).get().matches(CodeScreen.Refusal::counts);
            assertThat(screen.refusal(new VerifyResult(VerifyOutcome.MALFORMED, 5), "12")).get().matches(r -> !r.counts());
        }
        assertThat(CodeScreen.PATIENT.refusal(new VerifyResult(VerifyOutcome.NO_LIVE_CODE, 0), "123456")).get().matches(r -> !r.counts());
        assertThat(CodeScreen.STAFF.refusal(new VerifyResult(VerifyOutcome.NO_LIVE_CODE, 0), "123456")).get().matches(CodeScreen.Refusal::counts);
    }

    @Test
    void aRefusedCodeHasAMessageAndAReasonForTheEvent() {
        assertThat(CodeScreen.STAFF.refusal(new VerifyResult(VerifyOutcome.WRONG, 3), "123456"))
                .contains(new CodeScreen.Refusal("careaccess.staff.code.wrong", "code_wrong", true));
        assertThat(CodeScreen.PATIENT.refusal(new VerifyResult(VerifyOutcome.ATTEMPTS_USED_UP, 0), "123456"))
                .contains(new CodeScreen.Refusal("careaccess.code.triesUsedUp", "code_tries_used_up", true));
        assertThat(CodeScreen.PATIENT.refusal(new VerifyResult(VerifyOutcome.NO_LIVE_CODE, 0), "123456"))
                .contains(new CodeScreen.Refusal("careaccess.code.expired", "code_expired", false));
        assertThat(CodeScreen.PATIENT.refusal(new VerifyResult(VerifyOutcome.ACCEPTED, 0), "123456")).isEmpty();
    }

    @Test
    void aBlankEntryIsMissingAndAnythingElseNotSixDigitsIsMalformed() {
        VerifyResult malformed = new VerifyResult(VerifyOutcome.MALFORMED, 5);

        assertThat(CodeScreen.PATIENT.refusal(malformed, " ")).map(CodeScreen.Refusal::messageKey).contains("careaccess.code.missing");
        assertThat(CodeScreen.PATIENT.refusal(malformed, "12ab")).map(CodeScreen.Refusal::messageKey).contains("careaccess.code.format");
        assertThat(CodeScreen.STAFF.refusal(malformed, null)).map(CodeScreen.Refusal::messageKey).contains("careaccess.staff.code.missing");
        assertThat(CodeScreen.STAFF.refusal(malformed, "12ab")).map(CodeScreen.Refusal::messageKey).contains("careaccess.staff.code.malformed");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "60, 1", "61, 2", "90, 2", "600, 10"})
    void aCodesLifetimeIsRoundedUpToWholeMinutes(long seconds, long minutes) {
        assertThat(CodeScreen.lifetimeMinutes(new CodePolicy(seconds, 5, 30, 5, 10))).isEqualTo(minutes);
    }
}
