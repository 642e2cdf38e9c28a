package org.careaccess.keycloak.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every English message file of the themes has a Welsh twin with the same keys, and every message
 * survives Keycloak's MessageFormat: an apostrophe must be written '' or the rest of the message
 * silently disappears.
 */
class ThemeMessagesTest {

    private static final Path RESOURCES = Path.of(System.getProperty("careaccess.project.root"), "themes", "src", "main", "resources");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    static Stream<Path> englishMessageFiles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            List<Path> english = files.filter(f -> f.getFileName().toString().equals("messages_en.properties")).sorted().toList();
            assertThat(english).isNotEmpty();
            return english.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("englishMessageFiles")
    void theWelshFileHasEveryKeyAndNoMore(Path english) throws IOException {
        Properties en = load(english);
        Properties cy = load(english.resolveSibling("messages_cy.properties"));

        assertThat(cy.stringPropertyNames()).as("Welsh keys of %s", RESOURCES.relativize(english))
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("englishMessageFiles")
    void everyMessageFormatsWithItsApostrophesIntact(Path english) throws IOException {
        for (Path file : List.of(english, english.resolveSibling("messages_cy.properties"))) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String value = messages.getProperty(key);
                assertThat(LONE_APOSTROPHE.matcher(value).find()).as("%s in %s has a lone apostrophe: write ''", key, RESOURCES.relativize(file)).isFalse();
                // Numbers, so that {0,choice,...} and {0,number} patterns format too.
                assertThat(new MessageFormat(value).format(new Object[] {2, 2, 2, 2})).as(key).doesNotContain("'{");
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
