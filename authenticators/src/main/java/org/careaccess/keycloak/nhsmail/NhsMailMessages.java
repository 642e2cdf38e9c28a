package org.careaccess.keycloak.nhsmail;

import org.careaccess.keycloak.broker.CheckedSignIn.Refusal;

/** NHSmail sign-ins that are refused: the message (login theme key) and the event's reason. */
final class NhsMailMessages {

    static final Refusal WRONG_TENANT = new Refusal("careaccess.nhsmail.wrongTenant", "wrong_tenant");
    static final Refusal NO_EMAIL = new Refusal("careaccess.nhsmail.noEmail", "no_email");
    static final Refusal DOMAIN_NOT_ALLOWED = new Refusal("careaccess.nhsmail.domainNotAllowed", "domain_not_allowed");
    static final Refusal GENERIC_ACCOUNT = new Refusal("careaccess.nhsmail.genericAccount", "generic_account");

    private NhsMailMessages() {
    }
}
