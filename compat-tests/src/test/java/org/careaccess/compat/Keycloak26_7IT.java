package org.careaccess.compat;

/** Keycloak 26.7, latest patch on Maven Central (the version is set in compat-tests/pom.xml). */
class Keycloak26_7IT extends SupportedVersionSuite {

    Keycloak26_7IT() {
        super("26-7");
    }
}
