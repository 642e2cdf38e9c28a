package org.careaccess.keycloak.link;

import java.util.Optional;

/**
 * An NHS number: ten digits, the last a modulus-11 check digit over the first nine (weights 10 to
 * 2; 11 becomes 0; 10 means the number is invalid). Spaces and dashes as people write them
 * ("943 476 5919") are accepted and dropped.
 */
public final class NhsNumber {

    /** The user attribute holding a patient's NHS number (ten digits, no spaces). */
    public static final String ATTRIBUTE = "nhs_number";

    private NhsNumber() {
    }

    /** The ten digits, or empty when the input is not a valid NHS number. */
    public static Optional<String> normalise(String input) {
        if (input == null || input.length() > 20) {
            return Optional.empty();
        }
        String digits = input.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{10}")) {
            return Optional.empty();
        }
        return checkDigitMatches(digits) ? Optional.of(digits) : Optional.empty();
    }

    static boolean checkDigitMatches(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }
}
