package org.careaccess.keycloak.link;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What makes a birth date acceptable, for the issuer API and the date of birth page alike. */
public final class BirthDates {

    /** The user attribute holding a patient's birth date, ISO 8601 ({@code 1984-03-15}). */
    public static final String ATTRIBUTE = "birthdate";
    /** Dates are "today" in the UK, whatever the server's time zone. */
    public static final ZoneId UK = ZoneId.of("Europe/London");
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Why a real date cannot be a birth date. */
    public enum Problem {
        IN_THE_FUTURE, TOO_EARLY
    }

    private BirthDates() {
    }

    public static LocalDate today() {
        return LocalDate.now(UK);
    }

    /** Empty when the date can be someone's birth date: today or before, and not before 1900. */
    public static Optional<Problem> check(LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            return Optional.of(Problem.IN_THE_FUTURE);
        }
        if (date.isBefore(EARLIEST)) {
            return Optional.of(Problem.TOO_EARLY);
        }
        return Optional.empty();
    }

    /** A birth date as stored on a patient (ISO 8601), or empty when absent or unreadable. */
    public static Optional<LocalDate> parseIso(String value) {
        if (value == null || value.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
