package org.careaccess.keycloak.sms;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;


/**
 * {@code notify}: GOV.UK Notify, sending an SMS template. Options {@code api-key},
 * {@code template-id}, {@code template-id-cy} (Welsh), {@code base-url}, {@code timeout-millis}. The template receives the
 * personalisation {@code code}, {@code service_name}, {@code origin} and the whole text as
 * {@code message}, so a template of just {@code ((message))} sends CareAccess's own wording.
 */
public final class NotifySmsSenderFactory implements SmsSenderFactory {

    public static final String PROVIDER_ID = "notify";

    static final String API_KEY = "api-key";
    static final String TEMPLATE_ID = "template-id";
    static final String WELSH_TEMPLATE_ID = "template-id-cy";
    static final String BASE_URL = "base-url";
    static final String DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk";

    /** Notify keys end with two UUIDs: the service id and the secret. */
    private static final Pattern API_KEY_SHAPE = Pattern.compile(
            ".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Logger LOG = Logger.getLogger(NotifySmsSenderFactory.class);

    private NotifyClient client;
    private String templateId;
    private String welshTemplateId;
    private String problem;

    @Override
    public SmsSender create(KeycloakSession session) {
        return new NotifySmsSender(client, templateId, welshTemplateId, problem);
    }

    @Override
    public void init(Config.Scope config) {
        Duration timeout = SmsSenderConfig.timeout(config);
        String apiKey = SmsSenderConfig.trimToNull(config.get(API_KEY));
        templateId = SmsSenderConfig.trimToNull(config.get(TEMPLATE_ID));
        welshTemplateId = SmsSenderConfig.trimToNull(config.get(WELSH_TEMPLATE_ID));
        String baseUrl = config.get(BASE_URL, DEFAULT_BASE_URL);
        if (apiKey == null || templateId == null) {
            problem = "api-key and template-id must both be set";
        } else if (!API_KEY_SHAPE.matcher(apiKey).matches()) {
            problem = "api-key is not a GOV.UK Notify API key";
        } else {
            try {
                client = new NotifyClient(apiKey, baseUrl, timeout);
            } catch (RuntimeException e) {
                problem = "the Notify client could not be created: " + e.getClass().getSimpleName();
            }
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (problem != null && factory.getProviderFactory(SmsSender.class) == this) {
            LOG.errorf("careaccess-sms notify is not configured: %s (--spi-careaccess-sms--notify--%s, --%s). "
                    + "No text message can be sent.", problem, API_KEY, TEMPLATE_ID);
        } else if (welshTemplateId == null && factory.getProviderFactory(SmsSender.class) == this) {
            LOG.warnf("careaccess-sms notify: no Welsh template (--spi-careaccess-sms--notify--%s): texts in Welsh are sent "
                    + "with the English template %s. Its ((message)) is the Welsh text; fixed wording around ((code)) stays English.",
                    WELSH_TEMPLATE_ID, TEMPLATE_ID);
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return SmsSenderConfig.withTimeout(ProviderConfigurationBuilder.create()
                .property().name(API_KEY).type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("GOV.UK Notify API key (a 'team and guest list' or 'live' key).").add()
                .property().name(TEMPLATE_ID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Id of the SMS template; it may use ((message)), or ((code)), ((service_name)) and ((origin)).").add()
                .property().name(WELSH_TEMPLATE_ID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Id of the Welsh SMS template, for sign-ins in Welsh; the same personalisation. "
                        + "Unset: Welsh texts use the English template.").add()
                .property().name(BASE_URL).type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_BASE_URL)
                .helpText("Notify API base URL.").add(), "GOV.UK Notify")
                .build();
    }
}
