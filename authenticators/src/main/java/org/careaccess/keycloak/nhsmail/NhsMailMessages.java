package org.careaccess.keycloak.nhsmail;

/** Message keys (login theme) for NHSmail sign-ins that are refused, and their event reasons. */
final class NhsMailMessages {

    static final String WRONG_TENANT = "careaccess.nhsmail.wrongTenant";
    static final String NO_EMAIL = "careaccess.nhsmail.noEmail";
    static final String DOMAIN_NOT_ALLOWED = "careaccess.nhsmail.domainNotAllowed";

    private NhsMailMessages() {
    }

    static String reason(String messageKey) {
        return switch (messageKey) {
            case WRONG_TENANT -> "wrong_tenant";
            case NO_EMAIL -> "no_email";
            default -> "domain_not_allowed";
        };
    }
}
