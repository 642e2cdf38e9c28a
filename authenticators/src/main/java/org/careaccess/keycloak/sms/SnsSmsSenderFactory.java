package org.careaccess.keycloak.sms;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@code sns}: AWS SNS {@code Publish} to a phone number, as a transactional SMS. Credentials come
 * from the AWS default chain (environment variables, system properties, profile, container or
 * instance role). Options: {@code region}, {@code endpoint}, {@code sender-id},
 * {@code origination-number}, {@code timeout-millis}.
 */
public final class SnsSmsSenderFactory implements SmsSenderFactory {

    public static final String PROVIDER_ID = "sns";

    static final String REGION = "region";
    static final String ENDPOINT = "endpoint";
    static final String SENDER_ID = "sender-id";
    static final String ORIGINATION_NUMBER = "origination-number";
    static final String DEFAULT_REGION = "eu-west-2";

    private static final Logger LOG = Logger.getLogger(SnsSmsSenderFactory.class);

    private SnsClient client;
    private String senderId;
    private String originationNumber;
    private Duration timeout;

    @Override
    public SmsSender create(KeycloakSession session) {
        return new SnsSmsSender(client, senderId, originationNumber, timeout);
    }

    @Override
    public void init(Config.Scope config) {
        timeout = SmsSenderConfig.timeout(config);
        senderId = SmsSenderConfig.trimToNull(config.get(SENDER_ID));
        originationNumber = SmsSenderConfig.trimToNull(config.get(ORIGINATION_NUMBER));
        client = buildClient(config.get(REGION, DEFAULT_REGION), SmsSenderConfig.trimToNull(config.get(ENDPOINT)), timeout);
    }

    /**
     * One client per server: it is thread-safe and holds no state about messages. Retries are off:
     * a request that timed out may still have been delivered, and a second text would confuse the
     * person waiting for one code; the person can ask for a new code instead.
     */
    static SnsClient buildClient(String region, String endpoint, Duration timeout) {
        var builder = SnsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout)
                        .build())
                .overrideConfiguration(o -> o
                        .apiCallTimeout(timeout)
                        .apiCallAttemptTimeout(timeout)
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
            LOG.infof("careaccess-sms sns: endpoint overridden to %s", endpoint);
        }
        return builder.build();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return SmsSenderConfig.withTimeout(ProviderConfigurationBuilder.create()
                .property().name(REGION).type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_REGION)
                .helpText("AWS region of the SNS endpoint, e.g. eu-west-2 (London).").add()
                .property().name(ENDPOINT).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Endpoint override, e.g. a VPC endpoint or a local stand-in. Empty: the region's public endpoint.").add()
                .property().name(SENDER_ID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Alphanumeric sender ID shown on the phone (AWS.SNS.SMS.SenderID), if registered.").add()
                .property().name(ORIGINATION_NUMBER).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("E.164 origination number (AWS.MM.SMS.OriginationNumber), if one is registered.").add(), "SNS")
                .build();
    }
}
