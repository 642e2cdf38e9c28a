package org.careaccess.keycloak.patient;

import java.util.List;

import org.careaccess.keycloak.flow.FlowStepFactory;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Condition "a patient link was opened": true when the patient-link step identified a link, false
 * when it continued an existing sign-in instead. Guards the sub-flow of the link's own steps.
 */
public final class LinkOpenedConditionFactory extends FlowStepFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "careaccess-condition-link-opened";

    private static final ConditionalAuthenticator CONDITION = new ConditionalAuthenticator() {
        @Override
        public boolean matchCondition(AuthenticationFlowContext context) {
            return context.getAuthenticationSession().getAuthNote(LinkFlow.LINK_ID_NOTE) != null;
        }

        @Override
        public void action(AuthenticationFlowContext context) {
        }

        @Override
        public boolean requiresUser() {
            return false;
        }

        @Override
        public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        }

        @Override
        public void close() {
        }
    };

    public LinkOpenedConditionFactory() {
        super(PROVIDER_ID, "CareAccess: condition - patient link opened", ConditionalAuthenticatorFactory.REFERENCE_CATEGORY,
                "True when the patient-link step opened a link (rather than continuing an existing sign-in).",
                CONDITION, List.of(), Requirement.REQUIRED, Requirement.DISABLED);
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return CONDITION;
    }
}
