package org.careaccess.testkit;

/**
 * A made-up mobile number from Ofcom's drama range, as a person types it ({@code 07700 900123})
 * and as CareAccess stores and texts it ({@code +447700900123}).
 */
public record Mobile(String typed, String e164) {

    /** A number no other test in this run (this JVM) has used, patients' and staff's alike. */
    public static Mobile next() {
        return of(TestPatients.nextMobile());
    }

    /** A UK mobile number as typed, e.g. {@code 07700 900123}. */
    public static Mobile of(String typed) {
        return new Mobile(typed, TestPatients.e164(typed));
    }

    /** The last two digits, as the screens show them ("ending 23"). */
    public String lastTwoDigits() {
        return e164.substring(e164.length() - 2);
    }
}
