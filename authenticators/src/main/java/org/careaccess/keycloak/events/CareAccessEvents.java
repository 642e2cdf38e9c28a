package org.careaccess.keycloak.events;

/**
 * Event detail names CareAccess adds to Keycloak's events. Keycloak's event types are a closed
 * enum, so CareAccess reuses them (LOGIN, LOGIN_ERROR, SEND_VERIFY_EMAIL, UPDATE_CREDENTIAL,
 * CUSTOM_REQUIRED_ACTION, ...) and says what happened in these details. Never a code, a full phone
 * number or a birth date.
 */
public final class CareAccessEvents {

    /** Which CareAccess step left the event, e.g. {@code dob}, {@code code}, {@code device}. */
    public static final String STEP = "careaccess_step";
    /** Why a step failed or was refused, e.g. {@code dob_mismatch}, {@code link_locked}. */
    public static final String REASON = "careaccess_reason";
    /** The id (not the code) of the patient link. */
    public static final String LINK_ID = "careaccess_link_id";
    /** What happened to a text: {@code sent}, {@code already_sent}, {@code cooldown}, {@code limit_link} / {@code limit_user}, {@code limit_number}, {@code failed_<reason>}. */
    public static final String SMS = "careaccess_sms";
    /** A phone number with all but its last two digits hidden. */
    public static final String MASKED_NUMBER = "careaccess_masked_number";
    /** How a trusted device was bound: {@code first_use}, {@code sms}, {@code nhslogin}. */
    public static final String DEVICE = "careaccess_device";
    /** Wrong attempts left on a code or a date of birth. */
    public static final String ATTEMPTS_LEFT = "careaccess_attempts_left";

    /** How a staff member proved who they are first: {@code password} or {@code signin_link}. */
    public static final String FIRST_FACTOR = "careaccess_first_factor";
    /** Which second factor a staff member used or set up: {@code sms} or {@code app}. */
    public static final String SECOND_FACTOR = "careaccess_2fa";
    /** The support ticket a support-desk action was made for (admin events). */
    public static final String TICKET = "careaccess_ticket";
    /** What the support desk checked before acting (admin events). */
    public static final String VERIFICATION = "careaccess_verification";
    /**
     * What a support-desk call ended in: {@code reset}, {@code forbidden}, {@code generic_account}, ...
     * (admin events); {@link #STEP_PASSED} on the event of a patient step passed (link opened, date
     * of birth matched).
     */
    public static final String OUTCOME = "careaccess_outcome";
    /** The {@link #OUTCOME} of a patient step passed. */
    public static final String STEP_PASSED = "passed";
    /** What a patient sign-in used so far, as in the token's {@code amr} claim, e.g. {@code dob sms}. */
    public static final String AMR = "careaccess_amr";

    private CareAccessEvents() {
    }
}
