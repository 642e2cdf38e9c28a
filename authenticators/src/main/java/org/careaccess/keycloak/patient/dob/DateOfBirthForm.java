package org.careaccess.keycloak.patient.dob;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.careaccess.keycloak.events.CareAccessEvents;
import org.careaccess.keycloak.flow.FlowStep;
import org.careaccess.keycloak.flow.Lockout;
import org.careaccess.keycloak.link.BirthDates;
import org.careaccess.keycloak.link.PatientLink;
import org.careaccess.keycloak.patient.AuthenticationMethods;
import org.careaccess.keycloak.patient.LinkFlow;
import org.careaccess.keycloak.patient.NhsLoginOffer;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * Step 2: "What is your date of birth?" on the NHS date input. Input errors get GOV.UK wording and
 * cost nothing. A well-formed date takes a try on the link before it is compared
 * ({@link DateOfBirthAttempts}); a wrong date says only that it does not match, and the one that
 * reaches a limit locks the link for a while or, at the link's lifetime total, for good.
 */
final class DateOfBirthForm implements FlowStep {

    static final String STEP = "dob";
    static final String PAGE = "careaccess-dob.ftl";
    /** Form field and error anchor of the whole date. */
    static final String FIELD = "dob";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<PatientLink> link = LinkFlow.currentLinkOrInvalidPage(context, STEP);
        if (link.isEmpty() || refusedWhileLocked(context, link.get())) {
            return;
        }
        context.challenge(page(context, link.get()).createForm(PAGE));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<PatientLink> link = LinkFlow.currentLinkOrInvalidPage(context, STEP);
        if (link.isEmpty() || refusedWhileLocked(context, link.get())) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String day = form.getFirst(DateOfBirthInput.DAY);
        String month = form.getFirst(DateOfBirthInput.MONTH);
        String year = form.getFirst(DateOfBirthInput.YEAR);
        DateOfBirthInput input = DateOfBirthInput.read(day, month, year, BirthDates.today());
        if (!input.valid()) {
            context.challenge(page(context, link.get(), day, month, year)
                    .setAttribute("dobErrorParts", input.errorParts())
                    .addError(new FormMessage(FIELD, input.errorKey()))
                    .createForm(PAGE));
            return;
        }
        DateOfBirthAttempts attempts = attempts(context, link.get());
        Optional<DateOfBirthAttempts.Try> taken = attempts.take();
        if (taken.isEmpty()) {
            LinkFlow.showInvalid(context, STEP, "link_not_active", link.get().id());
            return;
        }
        DateOfBirthAttempts.Try attempt = taken.get();
        if (!attempt.taken()) {
            refuse(context, link.get(), attempt.lock());
            return;
        }
        UserModel patient = context.getUser();
        if (BirthDates.parseIso(patient.getFirstAttribute(BirthDates.ATTRIBUTE)).filter(input.date()::equals).isPresent()) {
            attempts.giveBack(attempt);
            AuthenticationMethods.add(context, AuthenticationMethods.DOB);
            context.getEvent().detail(CareAccessEvents.STEP, STEP);
            LinkFlow.passed(context, STEP, link.get().id());
            context.success();
            return;
        }
        wrongDate(context, link.get(), attempt.lock(), day, month, year);
    }

    private static void wrongDate(AuthenticationFlowContext context, PatientLink link, DateOfBirthAttempts.Lock lock,
                                  String day, String month, String year) {
        String reason = lock.forGood() ? "dob_mismatch_link_locked_out" : lock.locked() ? "dob_mismatch_link_locked" : "dob_mismatch";
        LinkFlow.error(context, STEP, Errors.INVALID_USER_CREDENTIALS, reason, link.id());
        if (lock.forGood()) {
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, LinkFlow.lockedForGoodPage(context));
        } else if (lock.locked()) {
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, LinkFlow.lockedPage(context, Optional.of(lock.until())));
        } else {
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, link, day, month, year)
                    .setAttribute("dobErrorParts", List.of(DateOfBirthInput.DAY, DateOfBirthInput.MONTH, DateOfBirthInput.YEAR))
                    .addError(new FormMessage(FIELD, "careaccess.dob.noMatch"))
                    .createForm(PAGE));
        }
    }

    /** A try refused by the link's lock: nothing compared, nothing counted. */
    private static void refuse(AuthenticationFlowContext context, PatientLink link, DateOfBirthAttempts.Lock lock) {
        if (lock.forGood()) {
            LinkFlow.showLockedForGood(context, STEP, link.id());
            return;
        }
        LinkFlow.error(context, STEP, Errors.USER_TEMPORARILY_DISABLED, "link_locked", link.id());
        LinkFlow.showLocked(context, Optional.ofNullable(lock.until()));
    }

    /** A locked link, or a patient locked by the realm's brute-force protection, sees the locked page. */
    private static boolean refusedWhileLocked(AuthenticationFlowContext context, PatientLink link) {
        Optional<Instant> lockedUntil = link.lockedUntil(Instant.now());
        if (lockedUntil.isPresent()) {
            refuse(context, link, new DateOfBirthAttempts.Lock(lockedUntil.get(), false));
            return true;
        }
        return Lockout.refuses(context, LinkFlow.refusePatientLocked(context, STEP, link.id()));
    }

    private static DateOfBirthAttempts attempts(AuthenticationFlowContext context, PatientLink link) {
        return new DateOfBirthAttempts(context.getSession(), context.getRealm(), link.id(), DateOfBirthPolicy.from(context.getAuthenticatorConfig()));
    }

    private static LoginFormsProvider page(AuthenticationFlowContext context, PatientLink link) {
        return page(context, link, "", "", "");
    }

    /**
     * The date of birth page. When the patient has an NHS number and the realm has NHS login, the
     * template puts "Continue to NHS login" first, above the date of birth (NHS login's guidance).
     */
    private static LoginFormsProvider page(AuthenticationFlowContext context, PatientLink link, String day, String month, String year) {
        LoginFormsProvider form = context.form();
        NhsLoginOffer.forPatient(context, context.getUser()).ifPresent(offer -> form.setAttribute("nhsLogin", offer.url()));
        return form
                .setAttribute("purpose", link.purpose().value())
                .setAttribute("dobDay", clip(day))
                .setAttribute("dobMonth", clip(month))
                .setAttribute("dobYear", clip(year));
    }

    private static String clip(String value) {
        return value == null ? "" : value.length() > 10 ? value.substring(0, 10) : value;
    }
}
