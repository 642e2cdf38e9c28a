package org.careaccess.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Nothing CareAccess remembers may live in one node's memory: a static field is a constant (final
 * and of an immutable or stateless type) or it is a bug on a cluster. Counters, locks and codes go
 * to Keycloak's stores.
 */
class NoNodeMemoryTest {

    /** Types whose static final instances hold no per-person or per-request state. */
    private static final Set<String> STATELESS = Set.of(
            "java.lang.String", "java.util.regex.Pattern", "java.security.SecureRandom", "org.jboss.logging.Logger",
            "java.time.ZoneId", "java.time.LocalDate", "java.time.Duration", "java.util.Set", "java.util.List", "java.util.Map",
            "java.util.Base64$Encoder",
            "com.google.i18n.phonenumbers.PhoneNumberUtil", "com.fasterxml.jackson.databind.ObjectMapper",
            "org.careaccess.keycloak.otp.CodePolicy", "org.careaccess.keycloak.patient.dob.DateOfBirthPolicy", "org.careaccess.keycloak.otp.CodeScreen",
            "org.careaccess.keycloak.flow.Setting",
            "org.careaccess.keycloak.phone.PhoneNumberRules$Options",
            "org.keycloak.authentication.Authenticator",
            "org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator",
            "org.keycloak.connections.jpa.entityprovider.JpaEntityProvider");

    @Test
    void everyStaticFieldIsAConstant() throws Exception {
        List<String> mutable = new ArrayList<>();
        for (Class<?> type : productionClasses()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) || field.isSynthetic() || field.getName().equals("$VALUES")) {
                    continue;
                }
                boolean constant = Modifier.isFinal(modifiers) && (field.getType().isPrimitive() || field.getType().isEnum()
                        || field.getType().isArray() && field.getName().equals("REQUIREMENT_CHOICES")
                        || STATELESS.contains(field.getType().getName()) || field.getType().isRecord());
                if (!constant) {
                    mutable.add(type.getName() + "." + field.getName() + " : " + field.getType().getName());
                }
            }
        }
        assertThat(mutable).isEmpty();
    }

    private static List<Class<?>> productionClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(NoNodeMemoryTest.class.getClassLoader().getResource("org/careaccess/keycloak/events").toURI())
                .getParent().getParent().getParent().getParent();
        Path production = root.resolveSibling("classes");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(production.resolve("org/careaccess/keycloak"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = production.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, NoNodeMemoryTest.class.getClassLoader()));
            }
        }
        assertThat(classes).hasSizeGreaterThan(20);
        return classes;
    }
}
