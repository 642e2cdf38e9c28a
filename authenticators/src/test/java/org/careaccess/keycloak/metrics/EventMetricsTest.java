package org.careaccess.keycloak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class EventMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CareAccessMeters meters = new CareAccessMeters(registry);

    @ParameterizedTest
    @CsvSource({
            "dob_mismatch, mismatch, ",
            "dob_mismatch_link_locked, mismatch, link",
            "dob_mismatch_link_locked_out, mismatch, link_for_good",
            "link_locked, refused_locked, ",
            "patient_locked, refused_locked, "})
    void aRefusedDateOfBirthCountsItsOutcomeAndTheLockItCaused(String reason, String outcome, String lock) {
        count(event(EventType.LOGIN_ERROR, Map.of("careaccess_step", "dob", "careaccess_reason", reason)));

        assertThat(value("careaccess.dates.of.birth", "outcome", outcome)).isEqualTo(1);
        assertThat(registry.find("careaccess.locks").counters()).hasSize(lock == null ? 0 : 1);
        if (lock != null) {
            assertThat(value("careaccess.locks", "kind", lock)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @CsvSource({"link, careaccess.links, event, opened", "dob, careaccess.dates.of.birth, outcome, match"})
    void aStepPassedCountsOnce(String step, String meter, String tag, String value) {
        count(event(EventType.CUSTOM_REQUIRED_ACTION, Map.of("careaccess_step", step, "careaccess_outcome", "passed")));

        assertThat(value(meter, tag, value)).isEqualTo(1);
        assertThat(registry.getMeters()).hasSize(1);
    }

    @Test
    void aTextSentEventIsNotAStepPassed() {
        count(event(EventType.CUSTOM_REQUIRED_ACTION, Map.of("careaccess_step", "code", "careaccess_sms", "sent")));

        assertThat(registry.getMeters()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"link_expired, opened_expired", "link_revoked, opened_revoked", "link_unknown, opened_unknown",
            "link_locked_out, opened_locked"})
    void aLinkThatDoesNotWorkCountsWhy(String reason, String event) {
        count(event(EventType.LOGIN_ERROR, Map.of("careaccess_step", "link", "careaccess_reason", reason)));

        assertThat(value("careaccess.links", "event", event)).isEqualTo(1);
    }

    @Test
    void aPatientSignInCountsItsAmrInOneOrder() {
        count(event(EventType.LOGIN, Map.of("careaccess_amr", "sms dob", "careaccess_link_id", "f00")));
        count(event(EventType.LOGIN, Map.of("careaccess_amr", "dob sms")));

        assertThat(value("careaccess.patient.sign.ins", "amr", "dob+sms")).isEqualTo(2);
    }

    @Test
    void anAmrWithAnUnknownMethodIsOther() {
        count(event(EventType.LOGIN, Map.of("careaccess_amr", "dob 07700900123")));

        assertThat(value("careaccess.patient.sign.ins", "amr", "other")).isEqualTo(1);
    }

    @Test
    void aStaffSignInCountsFirstAndSecondFactor() {
        count(event(EventType.LOGIN, Map.of("careaccess_first_factor", "password", "careaccess_2fa", "sms")));
        count(event(EventType.LOGIN, Map.of("careaccess_first_factor", "signin_link", "careaccess_2fa", "app")));

        assertThat(registry.get("careaccess.staff.sign.ins").tags("first_factor", "password", "second_factor", "sms").counter().count()).isEqualTo(1);
        assertThat(registry.get("careaccess.staff.sign.ins").tags("first_factor", "signin_link", "second_factor", "app").counter().count()).isEqualTo(1);
    }

    @Test
    void anNhsMailSignInIsAStaffSignInWithoutALocalSecondFactor() {
        count(event(EventType.LOGIN, Map.of("identity_provider", "nhsmail")), alias -> "nhsmail".equals(alias) ? "careaccess-nhsmail" : null);
        count(event(EventType.LOGIN, Map.of("identity_provider", "google")), alias -> "google");

        assertThat(registry.get("careaccess.staff.sign.ins").tags("first_factor", "nhsmail", "second_factor", "none").counter().count()).isEqualTo(1);
        assertThat(registry.getMeters()).hasSize(1);
    }

    @Test
    void aSignInWithoutACareAccessStepIsNotCounted() {
        count(event(EventType.LOGIN, Map.of("auth_method", "openid-connect")));
        count(event(EventType.LOGIN, null));

        assertThat(registry.getMeters()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"USER_DISABLED_BY_TEMPORARY_LOCKOUT, account_temporary", "USER_DISABLED_BY_PERMANENT_LOCKOUT, account_permanent"})
    void bruteForceLockoutsAreLocks(EventType type, String kind) {
        count(event(type, Map.of("reason", "brute_force_attack detected")));

        assertThat(value("careaccess.locks", "kind", kind)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"reset, reset", "generic_account, generic_account", "forbidden, forbidden", "SUP-123 07700 900123, other"})
    void supportResetCallsCountTheirOutcome(String outcome, String label) {
        AdminEvent event = new AdminEvent();
        event.setRealmName("staff");
        event.setResourcePath("users/0a1b/reset-2fa");
        event.setDetails(Map.of("careaccess_outcome", outcome, "careaccess_ticket", "SUP-123"));

        EventMetrics.of(event).forEach(c -> c.accept(meters));

        assertThat(value("careaccess.support.resets", "outcome", label)).isEqualTo(1);
    }

    @Test
    void otherAdminEventsAreNotCounted() {
        AdminEvent event = new AdminEvent();
        event.setResourcePath("users/0a1b");

        assertThat(EventMetrics.of(event)).isEmpty();
    }

    @Test
    void noLabelEverHoldsWhatAnEventCarriesAboutAPerson() {
        Map<String, String> details = new HashMap<>(Map.of("careaccess_step", "link", "careaccess_reason", "link_expired",
                "careaccess_link_id", "3f1c9a", "careaccess_masked_number", "•••••••••23"));
        Event event = event(EventType.LOGIN_ERROR, details);
        event.setUserId("u-42");
        event.setRealmName("patients realm; drop");
        count(event);

        for (Meter meter : registry.getMeters()) {
            assertThat(meter.getId().getTags()).allSatisfy(tag -> assertThat(tag.getValue()).matches("[a-z_+]+|patients"));
        }
        assertThat(value("careaccess.links", "realm", "other")).isEqualTo(1);
    }

    private double value(String meter, String tag, String value) {
        return registry.get(meter).tag(tag, value).counter().count();
    }

    private void count(Event event) {
        count(event, alias -> null);
    }

    private void count(Event event, java.util.function.UnaryOperator<String> idpType) {
        List<EventMetrics.Count> counts = EventMetrics.of(event, idpType);
        counts.forEach(c -> c.accept(meters));
    }

    private static Event event(EventType type, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmName("patients");
        event.setDetails(details);
        return event;
    }
}
