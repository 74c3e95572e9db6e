package io.docflow.deploy;

import static io.docflow.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobAttributes;
import io.docflow.jobs.JobIndexes;
import io.docflow.local.LocalProvisioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * docs/aws/docflow-resources.yaml creates what docflow's configuration names: with its default parameters, exactly
 * the defaults of application.yaml; with the prefix and suffix an overlay uses, exactly that overlay's names. Its IAM
 * role carries the same statements as docs/aws/iam-policy.json.
 */
class CloudFormationTemplateTest {

    static final Path TEMPLATE = Path.of("docs/aws/docflow-resources.yaml");

    private final Map<String, Object> template = load();

    @Test
    void theDefaultParametersCreateTheDefaultConfigurationsResources() {
        DocflowProperties defaults = DocflowConfiguration.bind(List.of(DocflowConfiguration.deployedIssuer()));
        assertThat(names(parameters("docflow", ""))).isEqualTo(names(defaults));

        Map<String, Object> table = properties("JobsTable", parameters("docflow", ""));
        assertThat(map(((List<Map<String, Object>>) (List<?>) table.get("GlobalSecondaryIndexes")).get(0)))
                .containsEntry("IndexName", LocalProvisioner.SOURCE_KEY_INDEX);
        assertThat(defaultOf("MaxReceiveCount")).isEqualTo(String.valueOf(defaults.queues().ingestMaxReceiveCount()));
        assertThat(Integer.parseInt(defaultOf("VisibilityTimeoutSeconds")))
                .isGreaterThanOrEqualTo(defaults.ingest().visibilityTimeoutSeconds());
        Map<String, Object> ingest = properties("IngestQueue", parameters("docflow", ""));
        assertThat(map(ingest, "RedrivePolicy")).containsKey("deadLetterTargetArn");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJobsTableHasTheListingIndexesTheListingQueries() {
        Map<String, Object> table = properties("JobsTable", parameters("docflow", ""));
        Map<String, Map<String, Object>> indexes = new HashMap<>();
        for (Map<String, Object> index : (List<Map<String, Object>>) table.get("GlobalSecondaryIndexes")) {
            indexes.put(String.valueOf(index.get("IndexName")), index);
        }

        for (String[] index : new String[][] {{JobIndexes.STATUS_INDEX, JobAttributes.STATUS},
                {JobIndexes.CREATED_INDEX, JobAttributes.CREATED_DAY}}) {
            Map<String, Object> definition = indexes.get(index[0]);
            assertThat(definition).as(index[0]).isNotNull();
            assertThat((List<Map<String, Object>>) definition.get("KeySchema"))
                    .containsExactly(Map.of("AttributeName", index[1], "KeyType", "HASH"),
                            Map.of("AttributeName", JobAttributes.CREATED_KEY, "KeyType", "RANGE"));
            Map<String, Object> projection = map(definition, "Projection");
            assertThat(projection.get("ProjectionType")).isEqualTo("INCLUDE");
            assertThat(new TreeSet<>(strings(projection.get("NonKeyAttributes")))).as(index[0]).isEqualTo(new TreeSet<>(
                    JobIndexes.LISTED_ATTRIBUTES.stream().filter(a -> !a.equals(index[1])).toList()));
        }
        assertThat(((List<Map<String, Object>>) table.get("AttributeDefinitions")).stream().map(d -> d.get("AttributeName")))
                .contains(JobAttributes.STATUS, JobAttributes.CREATED_DAY, JobAttributes.CREATED_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachOverlayNamesTheResourcesOfOneStack(String overlay) {
        DocflowProperties config = KubernetesManifestsTest.configuration(Manifests.render("overlays/" + overlay));
        String prefix = config.queues().ingest().replaceFirst("-ingest$", "");
        String suffix = config.buckets().input().substring((prefix + "-input").length());
        assertThat(names(parameters(prefix, suffix))).as("names of overlay %s = stack NamePrefix=%s BucketNameSuffix=%s",
                overlay, prefix, suffix).isEqualTo(names(config));
    }

    @Test
    void theRoleHasTheStatementsOfTheIamPolicyFile() {
        Map<String, String> parameters = parameters("docflow", "");
        parameters.put("AWS::Region", IamPolicy.REGION);
        parameters.put("AWS::AccountId", IamPolicy.ACCOUNT);
        Map<String, Object> role = properties("DocflowRole", parameters);
        Map<String, Object> policy = map(((List<Map<String, Object>>) (List<?>) role.get("Policies")).get(0), "PolicyDocument");
        Map<String, IamPolicy.Statement> expected = IamPolicy.load().bySid();
        Map<String, IamPolicy.Statement> actual = new java.util.LinkedHashMap<>();
        for (Map<String, Object> statement : (List<Map<String, Object>>) (List<?>) policy.get("Statement")) {
            actual.put(String.valueOf(statement.get("Sid")), new IamPolicy.Statement(String.valueOf(statement.get("Sid")),
                    strings(statement.get("Action")), strings(statement.get("Resource"))));
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((sid, statement) -> {
            assertThat(new TreeSet<>(actual.get(sid).actions())).as("actions of %s", sid)
                    .isEqualTo(new TreeSet<>(statement.actions()));
            if (sid.equals("ConverseWithTheConfiguredModels")) {
                // The template's default allows the model in any Region; the file names the deployment's Region.
                assertThat(statement.resources()).allSatisfy(r -> assertThat(actual.get(sid).resources())
                        .anySatisfy(pattern -> assertThat(IamPolicy.Statement.matches(pattern, r)).isTrue()));
            } else {
                assertThat(new TreeSet<>(actual.get(sid).resources())).as("resources of %s", sid)
                        .isEqualTo(new TreeSet<>(statement.resources()));
            }
        });
    }

    static Map<String, String> names(DocflowProperties config) {
        Map<String, String> names = new java.util.TreeMap<>();
        names.put("input bucket", config.buckets().input());
        names.put("results bucket", config.buckets().results());
        names.put("ingest queue", config.queues().ingest());
        names.put("dead-letter queue", config.queues().ingestDlq());
        names.put("legacy requests", config.queues().legacyRequests());
        names.put("legacy responses", config.queues().legacyResponses());
        names.put("jobs table", config.jobs().table());
        names.put("topic", config.events().topic());
        names.put("bus", config.events().bus());
        return names;
    }

    Map<String, String> names(Map<String, String> parameters) {
        Map<String, String> names = new java.util.TreeMap<>();
        names.put("input bucket", String.valueOf(properties("InputBucket", parameters).get("BucketName")));
        names.put("results bucket", String.valueOf(properties("ResultsBucket", parameters).get("BucketName")));
        names.put("ingest queue", String.valueOf(properties("IngestQueue", parameters).get("QueueName")));
        names.put("dead-letter queue", String.valueOf(properties("IngestDeadLetterQueue", parameters).get("QueueName")));
        names.put("legacy requests", String.valueOf(properties("LegacyRequestsQueue", parameters).get("QueueName")));
        names.put("legacy responses", String.valueOf(properties("LegacyResponsesQueue", parameters).get("QueueName")));
        names.put("jobs table", String.valueOf(properties("JobsTable", parameters).get("TableName")));
        names.put("topic", String.valueOf(properties("DocumentEventsTopic", parameters).get("TopicName")));
        names.put("bus", String.valueOf(properties("EventBus", parameters).get("Name")));
        return names;
    }

    private Map<String, String> parameters(String prefix, String suffix) {
        Map<String, String> parameters = new HashMap<>();
        map(template, "Parameters").forEach((name, definition) -> {
            Object value = ((Map<?, ?>) definition).get("Default");
            parameters.put(name, value == null ? "" : String.valueOf(value));
        });
        parameters.put("NamePrefix", prefix);
        parameters.put("BucketNameSuffix", suffix);
        return parameters;
    }

    private String defaultOf(String parameter) {
        return String.valueOf(map(template, "Parameters", parameter).get("Default"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String resource, Map<String, String> parameters) {
        return (Map<String, Object>) evaluate(map(template, "Resources", resource, "Properties"), parameters);
    }

    /** Evaluates Fn::Sub and Ref (parameters and pseudo parameters); other intrinsic functions stay as they are. */
    static Object evaluate(Object node, Map<String, String> parameters) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("Fn::Sub")) {
                return substitute(map.get("Fn::Sub"), parameters);
            }
            if (map.size() == 1 && map.containsKey("Ref") && parameters.containsKey(String.valueOf(map.get("Ref")))) {
                String value = parameters.get(String.valueOf(map.get("Ref")));
                return value.contains(",") ? List.of(value.split(",")) : value;
            }
            Map<String, Object> result = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), evaluate(v, parameters)));
            return result;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(item -> evaluate(item, parameters)).toList();
        }
        return node;
    }

    private static String substitute(Object sub, Map<String, String> parameters) {
        String text = sub instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(sub);
        Matcher variables = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
        StringBuilder result = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            variables.appendReplacement(result, Matcher.quoteReplacement(parameters.getOrDefault(name, "${" + name + "}")));
        }
        return variables.appendTail(result).toString();
    }

    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> strings.add(String.valueOf(v)));
        } else {
            strings.add(String.valueOf(value));
        }
        return strings;
    }

    /** Reads the template with CloudFormation's short forms (!Sub, !Ref, ...) as their long forms (Fn::Sub, Ref). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load() {
        return (Map<String, Object>) new Yaml(new CloudFormationConstructor()).load(Manifests.read(TEMPLATE));
    }

    static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String function : List.of("Sub", "GetAtt", "If", "Equals", "Not", "And", "Or", "Join", "Select",
                    "Split", "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue", "Condition")) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
        }

        private final class Intrinsic extends AbstractConstruct {

            private final String name;

            Intrinsic(String name) {
                this.name = name;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(name, value);
            }
        }
    }
}
