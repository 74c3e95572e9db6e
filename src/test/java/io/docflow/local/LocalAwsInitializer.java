package io.docflow.local;

import java.util.HashMap;
import java.util.Map;

import io.docflow.config.DocflowProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Wires a docflow application context to the local AWS services: points every endpoint at them and provisions the
 * buckets, queues and table the context's configuration names. Tests use the no-argument form (through
 * {@link DocflowTest}), which shares one set of services per JVM on free ports; local mode passes its own.
 */
public class LocalAwsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static LocalAws shared;

    private final LocalAws aws;
    private final boolean ownsServices;

    /** For tests: the JVM's shared local services, started on first use and stopped when the JVM exits. */
    public LocalAwsInitializer() {
        this(sharedServices(), false);
    }

    /** For local mode: {@code aws} is stopped when the application context closes. */
    public LocalAwsInitializer(LocalAws aws) {
        this(aws, true);
    }

    private LocalAwsInitializer(LocalAws aws, boolean ownsServices) {
        this.aws = aws;
        this.ownsServices = ownsServices;
    }

    public static synchronized LocalAws sharedServices() {
        if (shared == null) {
            // Stopped by a JVM hook, not by a test class: Spring's context cache outlives test classes, and its
            // SQS pollers must not find the ports closed under them.
            LocalAws started = LocalAws.start(LocalPorts.free());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-aws-shutdown"));
            shared = started;
        }
        return shared;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("localAws", localProperties(aws)));

        DocflowProperties config = Binder.get(environment).bindOrCreate("docflow", DocflowProperties.class);
        LocalClients clients = new LocalClients(aws);
        new LocalProvisioner(aws, clients).provision(config);
        clients.close();

        if (ownsServices && context instanceof GenericApplicationContext generic) {
            // Destroyed after Camel has stopped its consumers, so no poller sees the services go away.
            generic.registerBean("localAwsServices", LocalAws.class, () -> aws);
        }
    }

    static Map<String, Object> localProperties(LocalAws aws) {
        Map<String, Object> properties = new HashMap<>(endpointProperties(aws));
        // Short long-polls so a local run stops at once on Ctrl-C; production keeps 20 s.
        properties.put("docflow.ingest.wait-time-seconds", "1");
        properties.put("docflow.legacy.wait-time-seconds", "1");
        return properties;
    }

    /**
     * The settings that point docflow at {@code aws}: region, path-style S3, every endpoint and the local token
     * issuer. Child JVMs (the benchmark harness, the crash test) get them as {@code --name=value} arguments.
     */
    public static Map<String, String> endpointProperties(LocalAws aws) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("docflow.aws.region", LocalAws.REGION);
        properties.put("docflow.aws.s3-path-style", "true");
        properties.put("docflow.aws.endpoints.s3", aws.s3Endpoint().toString());
        properties.put("docflow.aws.endpoints.sqs", aws.sqsEndpoint().toString());
        properties.put("docflow.aws.endpoints.dynamodb", aws.dynamoDbEndpoint().toString());
        properties.put("docflow.aws.endpoints.sns", aws.snsEndpoint().toString());
        properties.put("docflow.aws.endpoints.eventbridge", aws.eventBridgeEndpoint().toString());
        properties.put("docflow.aws.endpoints.bedrock-runtime", aws.bedrockEndpoint().toString());
        properties.put("docflow.ocr.textract.endpoint", aws.textractEndpoint().toString());
        properties.putAll(securityProperties(aws));
        return properties;
    }

    /** The API's token settings for {@code aws}'s local issuer: the same keys a deployment sets for Cognito. */
    public static Map<String, String> securityProperties(LocalAws aws) {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("docflow.security.issuer-uri", aws.issuer().issuer().toString());
        properties.put("docflow.security.audiences", LocalIssuer.CLIENT_ID);
        return properties;
    }
}
