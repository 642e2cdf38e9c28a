package org.careaccess.keycloak.flow;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * One setting of a step, declared once: its name, what the admin console shows (label, type, help,
 * default) and how a value is read. An unset value is the default; a value out of bounds or
 * unreadable is the default too, with a warning in the server log, so a typo never loosens a
 * limit and never goes unnoticed. The settings of a step are read on every request from the
 * execution's config, never kept.
 *
 * @param <T> what the setting holds
 */
public final class Setting<T> {

    private static final Logger LOG = Logger.getLogger(Setting.class);
    private static final int SHOWN_CHARACTERS = 40;

    /** A value as read: what the step uses, and the warning logged when a configured value was not usable. */
    public record Reading<T>(T value, Optional<String> warning) {
    }

    private final String name;
    private final String label;
    private final String type;
    private final T defaultValue;
    private final Function<T, String> show;
    private final Function<String, Optional<T>> parse;
    private final String helpText;

    private Setting(String name, String label, String type, T defaultValue, Function<T, String> show,
                    Function<String, Optional<T>> parse, String helpText) {
        this.name = name;
        this.label = label;
        this.type = type;
        this.defaultValue = defaultValue;
        this.show = show;
        this.parse = parse;
        this.helpText = helpText;
    }

    /** A whole number from {@code min} to {@code max}, shown as a number field in the console. */
    public static Setting<Long> number(String name, String label, long defaultValue, long min, long max, String helpText) {
        return new Setting<>(name, label, ProviderConfigProperty.INTEGER_TYPE, defaultValue, String::valueOf,
                value -> wholeNumber(value, min, max),
                helpText + " " + min + " to " + max + ". Default " + defaultValue + ".");
    }

    /** On or off, shown as a switch in the console; only {@code true} and {@code false} are read. */
    public static Setting<Boolean> flag(String name, String label, boolean defaultValue, String helpText) {
        return new Setting<>(name, label, ProviderConfigProperty.BOOLEAN_TYPE, defaultValue, String::valueOf,
                value -> switch (value.toLowerCase(Locale.ROOT)) {
                    case "true" -> Optional.of(true);
                    case "false" -> Optional.of(false);
                    default -> Optional.empty();
                }, helpText);
    }

    /** Any other value, read by {@code parse} (empty: out of bounds), shown as text in the console. */
    public static <T> Setting<T> text(String name, String label, T defaultValue, Function<T, String> show,
                                      Function<String, Optional<T>> parse, String helpText) {
        return new Setting<>(name, label, ProviderConfigProperty.STRING_TYPE, defaultValue, show, parse, helpText);
    }

    /** A whole number from {@code min} to {@code max}; empty for anything else. */
    public static Optional<Long> wholeNumber(String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value.trim());
            return parsed >= min && parsed <= max ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String name() {
        return name;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The value an execution's config sets; the default, with a warning logged, when it is out of bounds. */
    public T read(AuthenticatorConfigModel config) {
        Reading<T> reading = reading(config);
        reading.warning().ifPresent(LOG::warn);
        return reading.value();
    }

    /** As {@link #read}, saying rather than logging why a configured value was not used. */
    public Reading<T> reading(AuthenticatorConfigModel config) {
        Map<String, String> values = config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            return new Reading<>(defaultValue, Optional.empty());
        }
        Optional<T> parsed = parse.apply(value.trim());
        if (parsed.isPresent()) {
            return new Reading<>(parsed.get(), Optional.empty());
        }
        String shown = value.length() > SHOWN_CHARACTERS ? value.substring(0, SHOWN_CHARACTERS) + "..." : value;
        return new Reading<>(defaultValue, Optional.of("careaccess: setting " + name + " of step '" + alias(config) + "' is '" + shown
                + "', which is out of bounds or unreadable; using the default " + show.apply(defaultValue)));
    }

    /** What the admin console shows for this setting. */
    public ProviderConfigProperty property() {
        return new ProviderConfigProperty(name, label, helpText, type, show.apply(defaultValue));
    }

    private static String alias(AuthenticatorConfigModel config) {
        return config == null || config.getAlias() == null ? "" : config.getAlias();
    }
}
