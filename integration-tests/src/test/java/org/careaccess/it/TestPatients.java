package org.careaccess.it;

/** The test kit's made-up patients ({@link org.careaccess.testkit.TestPatients}), by their old name here. */
final class TestPatients {

    private TestPatients() {
    }

    static String nextMobile() {
        return org.careaccess.testkit.TestPatients.nextMobile();
    }

    static String e164(String ukMobile) {
        return org.careaccess.testkit.TestPatients.e164(ukMobile);
    }

    static String nextNhsNumber() {
        return org.careaccess.testkit.TestPatients.nextNhsNumber();
    }
}
