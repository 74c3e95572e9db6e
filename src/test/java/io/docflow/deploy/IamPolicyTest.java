package io.docflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docs/aws/iam-policy.json allows every AWS call docflow makes, on the resources its default configuration names,
 * and nothing on "*" that can be narrower. The calls are found in the code itself: the aws2-* and aws-bedrock
 * endpoints of routes/*.camel.yaml (with what Camel 4.17's components call for them), and the SDK client calls in
 * src/main/java. A new kind of endpoint or SDK call fails this test until the policy and the mapping below know it.
 */
class IamPolicyTest {

    /** Actions AWS does not scope to a resource. */
    static final Set<String> UNSCOPED = Set.of("sns:ListTopics", "sqs:ListQueues", "textract:DetectDocumentText");
    static final String ANY = "*";

    private final IamPolicy policy = IamPolicy.load();
    private final DocflowProperties defaults = DocflowConfiguration.bind(List.of(DocflowConfiguration.deployedIssuer()));
    private final PropertySourcesPropertyResolver placeholders = placeholders();

    record Call(String action, String resource, String where) {
    }

    @Test
    void everyCallOfTheRoutesIsAllowedOnItsResource() throws IOException {
        List<Call> calls = routeCalls();
        assertThat(calls).extracting(Call::action)
                .contains("sqs:ReceiveMessage", "s3:GetObject", "s3:PutObject", "sns:Publish",
                        "events:PutEvents", "bedrock:InvokeModel");
        assertThat(calls).allSatisfy(call -> assertThat(policy.allows(call.action(), call.resource()))
                .as("%s on %s (%s) is allowed by docs/aws/iam-policy.json", call.action(), call.resource(), call.where())
                .isTrue());
    }

    @Test
    void everySdkCallOfTheJavaCodeIsAllowed() throws IOException {
        Set<String> actions = javaSdkActions();
        assertThat(actions).contains("s3:ListBucket", "sqs:GetQueueUrl", "sqs:GetQueueAttributes",
                "dynamodb:DescribeTable", "sns:ListTopics", "events:DescribeEventBus", "dynamodb:GetItem",
                "dynamodb:PutItem", "dynamodb:UpdateItem");
        assertThat(actions).allSatisfy(action -> assertThat(policy.grants(action))
                .as("%s (called in src/main/java) is granted by docs/aws/iam-policy.json", action).isTrue());
    }

    @Test
    void everyKeyDocflowWritesIsUnderAnAllowedPrefix() {
        String input = "arn:aws:s3:::" + defaults.buckets().input() + "/";
        String results = "arn:aws:s3:::" + defaults.buckets().results() + "/";
        // the keys of DocumentUploads, LegacyDocuments (docflow.legacy.key-prefix) and ResultDocuments
        assertThat(List.of(input + "uploads/2026-11-23/id/invoice.pdf",
                input + defaults.legacy().keyPrefix() + "correlation-id/invoice.pdf",
                results + "results/job.json", results + "text/job.txt"))
                .allSatisfy(key -> assertThat(policy.allows("s3:PutObject", key)).as("s3:PutObject on %s", key).isTrue());
        assertThat(policy.allows("s3:PutObject", input + "elsewhere/invoice.pdf")).as("no write anywhere else").isFalse();
    }

    @Test
    void onlyActionsWithoutResourceScopeUseTheWildcard() {
        assertThat(policy.statements()).allSatisfy(statement -> {
            if (statement.resources().contains(ANY)) {
                assertThat(UNSCOPED).as("statement %s uses Resource *", statement.sid()).containsAll(statement.actions());
            }
            assertThat(statement.actions()).noneMatch(a -> a.endsWith("*"));
            assertThat(statement.sid()).matches("[A-Za-z0-9]+");
        });
    }

    /** The endpoints of every route file, with the IAM actions Camel's component performs for each. */
    List<Call> routeCalls() throws IOException {
        List<Call> calls = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Manifests.read(file))) {
                    walk(document, false, file.getFileName().toString(), calls);
                }
            }
        }
        return calls;
    }

    @SuppressWarnings("unchecked")
    private void walk(Object node, boolean consumer, String file, List<Call> calls) {
        if (node instanceof Map<?, ?> map) {
            Object uri = map.get("uri");
            if (uri instanceof String endpoint && map.get("parameters") instanceof Map<?, ?> parameters) {
                endpoint(endpoint, (Map<String, Object>) parameters, consumer, file, calls);
            } else if (uri instanceof String endpoint && endpoint.startsWith("aws")) {
                throw new AssertionError(file + ": endpoint " + endpoint + " without parameters");
            }
            map.forEach((key, value) -> walk(value, consumer || "from".equals(key) && value instanceof Map, file, calls));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, false, file, calls));
        }
    }

    private void endpoint(String uri, Map<String, Object> parameters, boolean consumer, String file, List<Call> calls) {
        String scheme = uri.contains(":") ? uri.substring(0, uri.indexOf(':')) : uri;
        String where = file + " " + uri + (consumer ? " (consumer)" : "");
        String region = IamPolicy.REGION;
        String account = IamPolicy.ACCOUNT;
        switch (scheme) {
            case "direct", "seda", "log", "mock" -> {
            }
            case "aws2-sqs" -> {
                String queueName = String.valueOf(parameters.get("queueNameOrArn")).contains("${")
                        // a reply queue chosen per message, allowed only when it matches docflow.legacy.reply-queue-pattern
                        ? "docflow-legacy-any-reply-queue"
                        : value(parameters, "queueNameOrArn");
                String queue = "arn:aws:sqs:" + region + ":" + account + ":" + queueName;
                // Without queueUrl or queueOwnerAWSAccountId, Camel finds the queue's URL with ListQueues.
                calls.add(new Call("sqs:ListQueues", ANY, where));
                if (consumer) {
                    calls.add(new Call("sqs:ReceiveMessage", queue, where));
                    calls.add(new Call("sqs:DeleteMessage", queue, where));
                    if ("true".equals(String.valueOf(parameters.get("extendMessageVisibility")))) {
                        calls.add(new Call("sqs:ChangeMessageVisibility", queue, where));
                    }
                } else {
                    calls.add(new Call("sqs:SendMessage", queue, where));
                }
            }
            case "aws2-s3" -> {
                String bucket = value(parameters, "bucketNameOrArn");
                // Every aws2-s3 endpoint checks its bucket with HeadBucket when it starts.
                calls.add(new Call("s3:ListBucket", "arn:aws:s3:::" + bucket, where));
                String operation = String.valueOf(parameters.getOrDefault("operation", "putObject"));
                String action = switch (operation) {
                    case "getObject" -> "s3:GetObject";
                    case "putObject" -> "s3:PutObject";
                    default -> throw new AssertionError(where + ": teach IamPolicyTest the IAM action of " + operation);
                };
                String keys = action.equals("s3:PutObject") && bucket.equals(defaults.buckets().results())
                        ? "results/x.json" : "any/key";
                calls.add(new Call(action, "arn:aws:s3:::" + bucket + "/" + keys, where));
            }
            case "aws2-ddb" -> {
                String table = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + value(parameters, "tableName");
                calls.add(new Call("dynamodb:DescribeTable", table, where));
                calls.add(new Call("dynamodb:" + value(parameters, "operation"), table, where));
            }
            case "aws2-sns" -> {
                calls.add(new Call("sns:ListTopics", ANY, where));
                calls.add(new Call("sns:Publish", "arn:aws:sns:" + region + ":" + account + ":"
                        + value(parameters, "topicNameOrArn"), where));
            }
            case "aws2-eventbridge" -> {
                String operation = value(parameters, "operation");
                assertThat(operation).as(where).isEqualTo("putEvent");
                calls.add(new Call("events:PutEvents", "arn:aws:events:" + region + ":" + account + ":event-bus/"
                        + value(parameters, "eventbusNameOrArn"), where));
            }
            case "aws-bedrock" -> {
                String operation = value(parameters, "operation");
                assertThat(operation).as(where + ": Converse is authorised as bedrock:InvokeModel").isEqualTo("converse");
                var models = defaults.models();
                Set<String> ids = new LinkedHashSet<>(List.of(models.classification(), models.extraction()));
                if (models.hasFallback()) {
                    ids.add(models.fallback());
                }
                ids.addAll(models.extractionByClass().values());
                ids.forEach(id -> calls.add(new Call("bedrock:InvokeModel",
                        "arn:aws:bedrock:" + region + "::foundation-model/" + id, where)));
            }
            default -> {
                if (scheme.startsWith("aws")) {
                    throw new AssertionError(where + ": teach IamPolicyTest which IAM actions " + scheme + " needs");
                }
            }
        }
    }

    /** A parameter with its {{placeholders}} resolved from the jar's application.yaml. */
    private String value(Map<String, Object> parameters, String name) {
        Object raw = parameters.get(name);
        assertThat(raw).as("parameter %s", name).isNotNull();
        return placeholders.resolveRequiredPlaceholders(String.valueOf(raw).replace("{{", "${").replace("}}", "}"));
    }

    private static PropertySourcesPropertyResolver placeholders() {
        MutablePropertySources sources = new MutablePropertySources();
        DocflowConfiguration.yaml("application.yaml", new ClassPathResource("application.yaml")).forEach(sources::addLast);
        return new PropertySourcesPropertyResolver(sources);
    }

    private static final Map<String, String> CLIENTS = Map.of(
            "S3Client", "s3", "SqsClient", "sqs", "DynamoDbClient", "dynamodb", "SnsClient", "sns",
            "EventBridgeClient", "events", "BedrockRuntimeClient", "bedrock", "TextractClient", "textract");
    private static final Pattern CLIENT_VARIABLE = Pattern.compile(
            "\\b(S3Client|SqsClient|DynamoDbClient|SnsClient|EventBridgeClient|BedrockRuntimeClient|TextractClient)\\s+(\\w+)\\s*[;,)=]");
    private static final Set<String> NOT_CALLS = Set.of("close", "serviceName", "utilities", "waiter", "serviceClientConfiguration");

    /** IAM actions of the SDK client calls in src/main/java (variables typed as one of the clients). */
    static Set<String> javaSdkActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Manifests.read(file);
                Matcher variables = CLIENT_VARIABLE.matcher(source);
                while (variables.find()) {
                    String service = CLIENTS.get(variables.group(1));
                    Matcher calls = Pattern.compile("\\b" + Pattern.quote(variables.group(2)) + "\\s*\\.\\s*(\\w+)\\s*\\(")
                            .matcher(source);
                    while (calls.find()) {
                        if (!NOT_CALLS.contains(calls.group(1))) {
                            actions.addAll(actions(service, calls.group(1)));
                        }
                    }
                }
            }
        }
        return actions;
    }

    /** CopyObject is authorised as reading the source and writing the destination. */
    static List<String> actions(String service, String method) {
        return service.equals("s3") && method.equals("copyObject")
                ? List.of("s3:GetObject", "s3:PutObject")
                : List.of(action(service, method));
    }

    static String action(String service, String method) {
        String operation = method.replaceFirst("Paginator$", "");
        String action = switch (service + ":" + operation) {
            case "s3:headBucket" -> "ListBucket";
            case "s3:headObject", "s3:getObjectAsBytes" -> "GetObject";
            case "s3:listObjectsV2" -> "ListBucket";
            case "bedrock:converse" -> "InvokeModel";
            case "bedrock:converseStream" -> "InvokeModelWithResponseStream";
            default -> Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
        };
        if (service.equals("sqs")) {
            action = action.replaceFirst("Batch$", "");
        }
        return service + ":" + action;
    }
}
