package io.docflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import io.docflow.DocflowApplication;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalAwsInitializer;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalProvisioner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Bad configuration stops docflow at start-up with a report that names the setting, not an SDK stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    private static LocalAws aws;

    @BeforeAll
    static void provisionDefaults() {
        aws = LocalAwsInitializer.sharedServices();
        try (LocalClients clients = new LocalClients(aws)) {
            new LocalProvisioner(aws, clients).provision(
                    new Binder(new MapConfigurationPropertySource()).bindOrCreate("docflow", DocflowProperties.class));
        }
    }

    @Test
    void anUnknownBucketNamesItsSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("docflow.buckets.input=no-such-bucket"))
                .hasRootCauseInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class)
                .satisfies(e -> assertThat(startupCause(e).setting()).isEqualTo("docflow.buckets.input"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("docflow.buckets.input: S3 bucket 'no-such-bucket' does not exist")
                .contains("Create S3 bucket 'no-such-bucket', or set docflow.buckets.input");
    }

    @Test
    void anUnreachableEndpointNamesTheEndpointSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start("docflow.aws.endpoints.sqs=http://127.0.0.1:9"))
                .satisfies(e -> assertThat(startupCause(e).setting()).isEqualTo("docflow.aws.endpoints.sqs"));
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("docflow.aws.endpoints.sqs: cannot reach the service holding SQS queue 'docflow-ingest' at http://127.0.0.1:9");
    }

    private static void start(String override) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("server.port", "0");
        args.put("docflow.aws.region", LocalAws.REGION);
        args.put("docflow.aws.s3-path-style", "true");
        args.put("docflow.aws.endpoints.s3", aws.s3Endpoint().toString());
        args.put("docflow.aws.endpoints.sqs", aws.sqsEndpoint().toString());
        args.put("docflow.aws.endpoints.dynamodb", aws.dynamoDbEndpoint().toString());
        args.putAll(LocalAwsInitializer.securityProperties(aws));
        String[] setting = override.split("=", 2);
        args.put(setting[0], setting[1]);
        new SpringApplicationBuilder(DocflowApplication.class)
                .run(args.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .close();
    }

    private static DocflowStartupException startupCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DocflowStartupException startup) {
                return startup;
            }
        }
        throw new AssertionError("no DocflowStartupException in " + e);
    }
}
