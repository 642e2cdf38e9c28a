package org.careaccess.keycloak.patient.dob;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.careaccess.keycloak.link.BirthDates;

/**
 * The three boxes of the date of birth page read the GOV.UK way: one error message for the whole
 * date, naming what is missing or wrong, and the boxes it concerns (highlighted, the first one
 * linked from the error summary). Input errors never cost a try.
 */
public record DateOfBirthInput(LocalDate date, String errorKey, List<String> errorParts) {

    public static final String DAY = "dob-day";
    public static final String MONTH = "dob-month";
    public static final String YEAR = "dob-year";
    private static final int MAX_LENGTH = 10;

    public boolean valid() {
        return date != null;
    }

    public static DateOfBirthInput read(String day, String month, String year, LocalDate today) {
        String d = clean(day);
        String m = clean(month);
        String y = clean(year);
        List<String> missing = new ArrayList<>();
        if (d.isEmpty()) {
            missing.add("day");
        }
        if (m.isEmpty()) {
            missing.add("month");
        }
        if (y.isEmpty()) {
            missing.add("year");
        }
        if (missing.size() == 3) {
            return error("careaccess.dob.missing", DAY, MONTH, YEAR);
        }
        if (!missing.isEmpty()) {
            // careaccess.dob.missing.day, ...month, ...year, ...dayMonth, ...dayYear, ...monthYear
            String which = missing.get(0) + (missing.size() == 2 ? capitalised(missing.get(1)) : "");
            return error("careaccess.dob.missing." + which, missing.stream().map(part -> "dob-" + part).toArray(String[]::new));
        }
        if (d.length() > MAX_LENGTH || m.length() > MAX_LENGTH || y.length() > MAX_LENGTH) {
            return error("careaccess.dob.notReal", DAY, MONTH, YEAR);
        }
        Optional<Integer> dd = number(d, 2);
        Optional<Integer> mm = number(m, 2);
        if (!y.matches("\\d+")) {
            return error("careaccess.dob.notReal", DAY, MONTH, YEAR);
        }
        if (y.length() != 4) {
            return error("careaccess.dob.yearFourDigits", YEAR);
        }
        if (dd.isEmpty() || mm.isEmpty()) {
            return error("careaccess.dob.notReal", DAY, MONTH, YEAR);
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(y), mm.get(), dd.get());
        } catch (DateTimeException e) {
            return error("careaccess.dob.notReal", DAY, MONTH, YEAR);
        }
        return BirthDates.check(date, today)
                .map(problem -> problem == BirthDates.Problem.IN_THE_FUTURE
                        ? error("careaccess.dob.future", DAY, MONTH, YEAR)
                        : error("careaccess.dob.tooEarly", YEAR))
                .orElse(new DateOfBirthInput(date, null, List.of()));
    }

    private static String capitalised(String part) {
        return Character.toUpperCase(part.charAt(0)) + part.substring(1);
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static Optional<Integer> number(String value, int maxDigits) {
        return value.matches("\\d{1," + maxDigits + "}") ? Optional.of(Integer.parseInt(value)) : Optional.empty();
    }

    private static DateOfBirthInput error(String key, String... parts) {
        return new DateOfBirthInput(null, key, List.of(parts));
    }
}
