package org.careaccess.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Made-up patients for the tests (DESIGN.md §6): mobile numbers from Ofcom's drama range, NHS
 * numbers from the 999 test range with a valid check digit. Each call gives a number no other
 * test in this run (this JVM) has used, so per-number text limits never leak between tests.
 */
public final class TestPatients {

    private static final AtomicInteger MOBILES = new AtomicInteger(100);
    private static final AtomicInteger NHS_NUMBERS = new AtomicInteger(1000);

    private TestPatients() {
    }

    /** "07700 900nnn", as a person would type it. */
    public static String nextMobile() {
        int n = MOBILES.getAndIncrement();
        if (n > 999) {
            throw new IllegalStateException("out of drama-range numbers");
        }
        return "07700 900%03d".formatted(n);
    }

    public static String e164(String ukMobile) {
        return "+44" + ukMobile.replace(" ", "").substring(1);
    }

    /** A valid NHS number 999nnnnnnC (modulus 11), never one with check value 10. */
    public static String nextNhsNumber() {
        while (true) {
            String nine = "999" + "%06d".formatted(NHS_NUMBERS.getAndIncrement());
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
