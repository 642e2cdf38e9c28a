package org.careaccess.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeAnswersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<pre>java.lang.NullPointerException: x\n\tat org.keycloak.services.Foo.bar(Foo.java:12)</pre>",
            "<p>org.postgresql.util.PSQLException: Connection refused</p>",
            "<p>Caused by: something</p>",
            "{\"error\":\"jakarta.persistence.PersistenceException\"}",
            "<p>SQLState: 08001</p>"})
    void internalsInABodyFail(String body) {
        assertThatThrownBy(() -> SafeAnswers.assertRevealsNoInternals(body, "page")).isInstanceOf(AssertionError.class);
    }

    @Test
    void aPlainErrorPagePasses() {
        assertThatCode(() -> SafeAnswers.assertNoServerError(400,
                "<h1>We are sorry...</h1><p>An error occurred, please login again through your application.</p>", "page"))
                .doesNotThrowAnyException();
    }

    @Test
    void aServerErrorFailsEvenWithAPlainPage() {
        assertThatThrownBy(() -> SafeAnswers.assertNoServerError(500, "<p>Sorry</p>", "page")).isInstanceOf(AssertionError.class);
    }

    @Test
    void markupReflectedUnescapedFails() {
        FuzzInputs.Value script = FuzzInputs.values(FuzzInputs.Category.MARKUP).get(0);

        assertThatThrownBy(() -> SafeAnswers.assertNotReflected("<p>" + script.value() + "</p>", script, "page"))
                .isInstanceOf(AssertionError.class);
        assertThatCode(() -> SafeAnswers.assertNotReflected("<p>&lt;script&gt;</p>", script, "page")).doesNotThrowAnyException();
    }
}
