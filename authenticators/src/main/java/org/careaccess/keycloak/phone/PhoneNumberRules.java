package org.careaccess.keycloak.phone;

import org.keycloak.models.RealmModel;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The one place where a number someone typed becomes a number CareAccess texts: E.164, read with
 * UK as the default region, and only a UK mobile unless the realm allows more. Every refusal has
 * a reason a person can act on.
 */
public final class PhoneNumberRules {

    /** Realm attributes that widen the rules; each is "true" or absent. */
    public static final String ALLOW_LANDLINES = "careaccess.phone.allowLandlines";
    public static final String ALLOW_PREMIUM_RATE = "careaccess.phone.allowPremiumRate";
    public static final String ALLOW_INTERNATIONAL = "careaccess.phone.allowInternational";
    /**
     * Ofcom keeps 07700 900000 to 07700 900999 for drama and never allocates it, so libphonenumber
     * calls those numbers invalid. Tests and demos must use them (nobody real can be texted), so a
     * realm may accept them; production realms should leave this off.
     */
    public static final String ALLOW_DRAMA_NUMBERS = "careaccess.phone.allowDramaNumbers";

    private static final String UK = "GB";
    private static final int UK_CALLING_CODE = 44;
    private static final int MAX_INPUT_LENGTH = 40;
    private static final long DRAMA_FIRST = 7700900000L;
    private static final long DRAMA_LAST = 7700900999L;

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

    /** What a realm accepts beyond UK mobile numbers. */
    public record Options(boolean allowLandlines, boolean allowPremiumRate, boolean allowInternational, boolean allowDramaNumbers) {

        public static final Options UK_MOBILES_ONLY = new Options(false, false, false, false);

        public static Options of(RealmModel realm) {
            return new Options(
                    flag(realm, ALLOW_LANDLINES),
                    flag(realm, ALLOW_PREMIUM_RATE),
                    flag(realm, ALLOW_INTERNATIONAL),
                    flag(realm, ALLOW_DRAMA_NUMBERS));
        }

        private static boolean flag(RealmModel realm, String attribute) {
            return Boolean.parseBoolean(realm.getAttribute(attribute));
        }
    }

    private PhoneNumberRules() {
    }

    /**
     * @return the number in E.164, e.g. {@code +447700900123}
     * @throws PhoneNumberRejectedException with the reason the number cannot be used
     */
    public static String normalise(String input, Options options) throws PhoneNumberRejectedException {
        if (input == null || input.isBlank()) {
            throw new PhoneNumberRejectedException(PhoneNumberRejectedException.Reason.MISSING);
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw new PhoneNumberRejectedException(PhoneNumberRejectedException.Reason.NOT_A_NUMBER);
        }
        PhoneNumber number = parse(input);
        String e164 = PHONE_NUMBERS.format(number, PhoneNumberFormat.E164);
        if (number.getCountryCode() == UK_CALLING_CODE && isDramaNumber(number)) {
            if (options.allowDramaNumbers()) {
                return e164;
            }
            throw new PhoneNumberRejectedException(PhoneNumberRejectedException.Reason.NOT_A_NUMBER);
        }
        if (!PHONE_NUMBERS.isValidNumber(number)) {
            throw new PhoneNumberRejectedException(PhoneNumberRejectedException.Reason.NOT_A_NUMBER);
        }
        // +44 covers the Crown Dependencies too (libphonenumber calls 07911 123456 Guernsey); they
        // are on the UK numbering plan and UK networks, so "UK" here means calling code 44.
        if (number.getCountryCode() != UK_CALLING_CODE && !options.allowInternational()) {
            throw new PhoneNumberRejectedException(PhoneNumberRejectedException.Reason.NOT_UK);
        }
        checkType(PHONE_NUMBERS.getNumberType(number), options);
        return e164;
    }

    private static PhoneNumber parse(String input) throws PhoneNumberRejectedException {
        try {
            return PHONE_NUMBERS.parse(input.strip(), UK);
        } catch (NumberParseException e) {
            throw new PhoneNumberRejectedException(PhoneNumberRejectedException.Reason.NOT_A_NUMBER);
        }
    }

    private static boolean isDramaNumber(PhoneNumber number) {
        long national = number.getNationalNumber();
        return national >= DRAMA_FIRST && national <= DRAMA_LAST;
    }

    private static void checkType(PhoneNumberType type, Options options) throws PhoneNumberRejectedException {
        switch (type) {
            case MOBILE, FIXED_LINE_OR_MOBILE -> {
            }
            case FIXED_LINE -> {
                if (!options.allowLandlines()) {
                    throw new PhoneNumberRejectedException(PhoneNumberRejectedException.Reason.LANDLINE);
                }
            }
            case PREMIUM_RATE, SHARED_COST -> {
                if (!options.allowPremiumRate()) {
                    throw new PhoneNumberRejectedException(PhoneNumberRejectedException.Reason.PREMIUM_RATE);
                }
            }
            // Freephone, personal (070), VoIP (056), pager and corporate numbers cannot take a text reliably.
            default -> throw new PhoneNumberRejectedException(PhoneNumberRejectedException.Reason.NOT_MOBILE);
        }
    }
}
