package io.docflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.docflow.DocflowApplication;
import io.docflow.config.DocflowProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Local mode: the README's first command ({@code ./mvnw spring-boot:test-run}). Starts the local AWS services on
 * fixed ports, then docflow wired to them, with a local inbox folder whose new files are uploaded to the input
 * bucket, and the local token issuer the API trusts. Prints the endpoints and a ready token per role and writes them
 * to {@code target/docflow-local.json}. Ctrl-C stops everything.
 */
public final class LocalDocflow {

    static final String INBOX_ROUTES = "classpath:local-routes/*.camel.yaml";

    private LocalDocflow() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = start(LocalPorts.fixed(), Path.of("inbox"), Path.of("target"), args);
        System.out.println(banner(context));
    }

    /** Starts local mode; closing the returned context stops docflow and every local service. */
    public static ConfigurableApplicationContext start(LocalPorts ports, Path inbox, Path infoDir, String... args) {
        LocalAws aws = LocalAws.start(ports);
        try {
            var properties = new java.util.ArrayList<>(java.util.List.of(
                    "docflow.routes.include-pattern=file:${user.dir}/routes/*.camel.yaml," + INBOX_ROUTES,
                    "docflow.local.inbox=" + inbox.toAbsolutePath()));
            if (!tesseractInstalled()) {
                // the first README command must work on a fresh machine; scans then end NO_TEXT (docs/ocr.md)
                System.out.println("docflow local mode: tesseract is not installed, so OCR is off "
                        + "(apt-get install tesseract-ocr to read scans)");
                properties.add("docflow.ocr.enabled=false");
            }
            ConfigurableApplicationContext context = new SpringApplicationBuilder(DocflowApplication.class)
                    .initializers(new LocalAwsInitializer(aws))
                    .run(arguments(properties, args));
            writeInfo(context, aws, inbox, infoDir.resolve("docflow-local.json"));
            return context;
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    /**
     * Local mode's settings as command-line arguments, which outrank application.yaml (default properties would not),
     * after the user's own arguments; a key the user sets is left to the user (Spring would join both values).
     */
    static String[] arguments(java.util.List<String> localProperties, String... userArgs) {
        var arguments = new java.util.ArrayList<>(java.util.List.of(userArgs));
        for (String property : localProperties) {
            String key = "--" + property.substring(0, property.indexOf('=') + 1);
            if (arguments.stream().noneMatch(argument -> argument.startsWith(key))) {
                arguments.add("--" + property);
            }
        }
        return arguments.toArray(String[]::new);
    }

    private static boolean tesseractInstalled() {
        try {
            Process version = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            version.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return version.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Map<String, Object> info(ConfigurableApplicationContext context, LocalAws aws, Path inbox) {
        DocflowProperties config = context.getBean(DocflowProperties.class);
        int httpPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        Map<String, Object> endpoints = new LinkedHashMap<>();
        endpoints.put("s3", aws.s3Endpoint().toString());
        endpoints.put("sqs", aws.sqsEndpoint().toString());
        endpoints.put("dynamodb", aws.dynamoDbEndpoint().toString());
        endpoints.put("sns", aws.snsEndpoint().toString());
        endpoints.put("eventbridge", aws.eventBridgeEndpoint().toString());
        endpoints.put("bedrockRuntime", aws.bedrockEndpoint().toString());
        endpoints.put("issuer", aws.issuer().issuer().toString());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("docflow", "http://127.0.0.1:" + httpPort);
        info.put("region", LocalAws.REGION);
        info.put("endpoints", endpoints);
        info.put("buckets", Map.of("input", config.buckets().input(), "results", config.buckets().results()));
        info.put("queues", Map.of("ingest", config.queues().ingest(), "ingestDlq", config.queues().ingestDlq(),
                "legacyRequests", config.queues().legacyRequests(), "legacyResponses", config.queues().legacyResponses()));
        info.put("table", config.jobs().table());
        info.put("topic", config.events().topic());
        info.put("bus", config.events().bus());
        info.put("inbox", inbox.toAbsolutePath().toString());
        // bearer tokens for the API, one per role (each includes the ones below it), good for LocalIssuer.LIFETIME
        info.put("tokens", aws.issuer().tokensPerRole());
        return info;
    }

    private static void writeInfo(ConfigurableApplicationContext context, LocalAws aws, Path inbox, Path file) {
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), info(context, aws, inbox));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String banner(ConfigurableApplicationContext context) {
        LocalAws aws = context.getBean(LocalAws.class);
        DocflowProperties config = context.getBean(DocflowProperties.class);
        Map<String, Object> info = info(context, aws, Path.of("inbox"));
        Map<String, Object> endpoints = (Map<String, Object>) info.get("endpoints");
        return """

                ==================================================================================
                 docflow is running locally (no AWS account; embedded services on 127.0.0.1)
                   docflow HTTP  %s   (health: %s/actuator/health)
                   S3            %s   buckets: %s, %s
                   SQS           %s   ingest queue: %s (DLQ %s)
                   DynamoDB      %s   jobs table: %s
                   SNS           %s   topic: %s
                   EventBridge   %s   bus: %s
                   Bedrock       %s   (local deterministic model; faults: POST /_local/faults)
                   inbox         %s   (files dropped here are uploaded to s3://%s/)
                   token issuer  %s   (stands in for Cognito; a fresh token: curl -s '%s/token?role=viewer')
                 Same facts as JSON, with a token per role (viewer, submitter, reviewer, admin): target/docflow-local.json

                 The API needs a bearer token; this one is admin's (it may do everything), good for %d hours:
                   export TOKEN=%s
                 The console, signed in as admin (one click): %s/#token=%s

                 Try it (any credentials work; the AWS CLI needs some):
                   export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1
                   aws --endpoint-url %s s3 cp invoice.pdf s3://%s/
                   aws --endpoint-url %s dynamodb scan --table-name %s
                 or over HTTP, then read the result with the job id it answers:
                   curl -s -H "Authorization: Bearer $TOKEN" -F file=@invoice.pdf %s/api/v1/documents
                   curl -s -H "Authorization: Bearer $TOKEN" %s/api/v1/jobs/<jobId>/result
                 Ctrl-C stops docflow and every local service.
                ==================================================================================
                """.formatted(info.get("docflow"), info.get("docflow"),
                endpoints.get("s3"), config.buckets().input(), config.buckets().results(),
                endpoints.get("sqs"), config.queues().ingest(), config.queues().ingestDlq(),
                endpoints.get("dynamodb"), config.jobs().table(),
                endpoints.get("sns"), config.events().topic(),
                endpoints.get("eventbridge"), config.events().bus(),
                endpoints.get("bedrockRuntime"),
                info.get("inbox"), config.buckets().input(),
                endpoints.get("issuer"), endpoints.get("issuer"),
                LocalIssuer.LIFETIME.toHours(), aws.issuer().tokensPerRole().get("admin"),
                info.get("docflow"), aws.issuer().tokensPerRole().get("admin"),
                endpoints.get("s3"), config.buckets().input(),
                endpoints.get("dynamodb"), config.jobs().table(),
                info.get("docflow"), info.get("docflow"));
    }
}
