package org.careaccess.keycloak.flow;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.AuthenticationFlowResolver;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The factory of one CareAccess flow step, with what the admin console shows: a stateless
 * authenticator shared by every request (its settings come from the execution's config on each
 * call), or, for a step built on a Keycloak base class that needs it, one per Keycloak session.
 */
public abstract class FlowStepFactory implements AuthenticatorFactory, StatelessProviderFactory<Authenticator> {

    private final String id;
    private final String displayType;
    private final String referenceCategory;
    private final String helpText;
    private final Function<KeycloakSession, Authenticator> steps;
    private final List<ProviderConfigProperty> settings;
    private final Requirement[] requirementChoices;

    protected FlowStepFactory(String id, String displayType, String referenceCategory, String helpText, Authenticator step,
                              List<ProviderConfigProperty> settings, Requirement... requirementChoices) {
        this(id, displayType, referenceCategory, helpText, session -> step, settings, requirementChoices);
    }

    protected FlowStepFactory(String id, String displayType, String referenceCategory, String helpText,
                              Function<KeycloakSession, Authenticator> steps, List<ProviderConfigProperty> settings,
                              Requirement... requirementChoices) {
        this.id = id;
        this.displayType = displayType;
        this.referenceCategory = referenceCategory;
        this.helpText = helpText;
        this.steps = steps;
        this.settings = List.copyOf(settings);
        this.requirementChoices = requirementChoices.clone();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getReferenceCategory() {
        return referenceCategory;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public boolean isConfigurable() {
        return !settings.isEmpty();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return settings;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return requirementChoices.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return steps.apply(session);
    }

    /**
     * The settings of the step with this provider id in the flow the current sign-in runs (the
     * realm's browser flow or a client's override), for code that runs outside the step: a required
     * action, or a page Keycloak's base class builds without the flow context.
     */
    public static Optional<AuthenticatorConfigModel> configInCurrentFlow(KeycloakSession session, RealmModel realm, String providerId) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        AuthenticationFlowModel flow = authSession != null ? AuthenticationFlowResolver.resolveBrowserFlow(authSession) : realm.getBrowserFlow();
        return configIn(realm, flow, providerId);
    }

    private static Optional<AuthenticatorConfigModel> configIn(RealmModel realm, AuthenticationFlowModel flow, String providerId) {
        if (flow == null) {
            return Optional.empty();
        }
        return realm.getAuthenticationExecutionsStream(flow.getId())
                .map(execution -> execution.isAuthenticatorFlow()
                        ? configIn(realm, realm.getAuthenticationFlowById(execution.getFlowId()), providerId)
                        : providerId.equals(execution.getAuthenticator()) && execution.getAuthenticatorConfig() != null
                                ? Optional.ofNullable(realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()))
                                : Optional.<AuthenticatorConfigModel>empty())
                .flatMap(Optional::stream)
                .findFirst();
    }
}
