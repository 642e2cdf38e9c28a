package org.careaccess.compat;

/** Keycloak 26.5, latest patch on Maven Central (the version is set in compat-tests/pom.xml). */
class Keycloak26_5IT extends SupportedVersionSuite {

    Keycloak26_5IT() {
        super("26-5");
    }
}
