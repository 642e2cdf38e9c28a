package org.careaccess.keycloak.flow;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The factory of one CareAccess flow step: a stateless authenticator shared by every request (its
 * settings come from the execution's config on each call), with what the admin console shows.
 */
public abstract class FlowStepFactory implements AuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String referenceCategory;
    private final String helpText;
    private final Authenticator step;
    private final List<ProviderConfigProperty> settings;
    private final Requirement[] requirementChoices;

    protected FlowStepFactory(String id, String displayType, String referenceCategory, String helpText, Authenticator step,
                              List<ProviderConfigProperty> settings, Requirement... requirementChoices) {
        this.id = id;
        this.displayType = displayType;
        this.referenceCategory = referenceCategory;
        this.helpText = helpText;
        this.step = step;
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
        return step;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
