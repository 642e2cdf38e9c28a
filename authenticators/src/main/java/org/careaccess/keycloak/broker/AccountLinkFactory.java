package org.careaccess.keycloak.broker;

import java.util.List;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** First broker login step: link an existing account only when it has no credentials of its own. */
public final class AccountLinkFactory extends FlowStepFactory {

    public static final String PROVIDER_ID = "careaccess-link-if-no-credentials";

    public AccountLinkFactory() {
        super(PROVIDER_ID, "CareAccess link existing account without credentials", null,
                "Links the account with the identity's email when it has no password, no second factor and no other linked identity; "
                        + "otherwise leaves it to the next alternative (re-authentication). Refuses when no account has the email.",
                new AccountLink(), List.of(), Requirement.ALTERNATIVE, Requirement.REQUIRED, Requirement.DISABLED);
    }
}
