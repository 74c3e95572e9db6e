package io.docflow.deploy;

import static io.docflow.deploy.Manifests.container;
import static io.docflow.deploy.Manifests.env;
import static io.docflow.deploy.Manifests.list;
import static io.docflow.deploy.Manifests.map;
import static io.docflow.deploy.Manifests.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.docflow.config.DocflowProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.env.PropertySource;

/**
 * The Kubernetes manifests: every object of every overlay validates against the Kubernetes, KEDA and Prometheus
 * Operator schemas (k8s/validate.mjs), and what the manifests tell docflow is something docflow reads: the
 * ConfigMap's application files and the container's environment bind strictly to {@link DocflowProperties}, and
 * the autoscaler watches the queue docflow consumes.
 */
class KubernetesManifestsTest {

    @Test
    void everyRenderedObjectValidatesAgainstItsSchema() throws IOException, InterruptedException {
        if (!Files.isDirectory(Manifests.K8S.resolve("node_modules/kubernetes-models"))) {
            fail("k8s/node_modules is missing: the manifest validator's packages are not installed. "
                    + "Run the README's test command (./mvnw -B verify), or scripts/test-prerequisites.sh, and run the tests again.");
        }
        Process node;
        try {
            ProcessBuilder validate = new ProcessBuilder("node", "k8s/validate.mjs").redirectErrorStream(true);
            validate.environment().put("KUBECTL", Kubectl.path());
            node = validate.start();
        } catch (IOException e) {
            throw new AssertionError("Node.js is needed to validate k8s/ (node k8s/validate.mjs): " + e.getMessage(), e);
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(5, TimeUnit.MINUTES)).as("node k8s/validate.mjs finished").isTrue();
        assertThat(node.exitValue()).as("node k8s/validate.mjs:\n%s", output).isZero();
        assertThat(output).contains(" 0 invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theConfigMapAndEnvironmentBindToDocflowPropertiesWithoutUnknownKeys(String overlay) {
        var objects = Manifests.render("overlays/" + overlay);
        DocflowProperties config = configuration(objects);

        assertThat(config.queues().ingest()).as("ingest queue of %s", overlay).isNotBlank();
        Map<String, Object> deployment = only(objects, "Deployment");
        assertThat(env(container(deployment), "SPRING_PROFILES_ACTIVE")).as("profile of %s", overlay).contains(overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theAutoscalerWatchesTheQueueDocflowConsumesInDocflowsRegion(String overlay) {
        var objects = Manifests.render("overlays/" + overlay);
        DocflowProperties config = configuration(objects);
        Map<String, Object> trigger = list(map(only(objects, "ScaledObject"), "spec"), "triggers").get(0);
        Map<String, Object> metadata = map(trigger, "metadata");

        assertThat(trigger.get("type")).isEqualTo("aws-sqs-queue");
        assertThat(String.valueOf(metadata.get("queueURL"))).endsWith("/" + config.queues().ingest())
                .startsWith("https://sqs." + metadata.get("awsRegion") + ".amazonaws.com/");
        assertThat(metadata.get("awsRegion")).isEqualTo(config.aws().region());
        int target = Integer.parseInt(String.valueOf(metadata.get("queueLength")));
        assertThat(target).as("queueLength, messages per pod").isGreaterThanOrEqualTo(config.ingest().concurrentConsumers());
        assertThat(map(only(objects, "ScaledObject"), "spec", "scaleTargetRef").get("name"))
                .isEqualTo(map(only(objects, "Deployment"), "metadata").get("name"));
        String authentication = String.valueOf(map(trigger, "authenticationRef").get("name"));
        assertThat(map(only(objects, "TriggerAuthentication"), "metadata").get("name")).isEqualTo(authentication);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePodRunsLockedDownAndDrainsBeforeItIsKilled(String overlay) {
        var objects = Manifests.render("overlays/" + overlay);
        Map<String, Object> deployment = only(objects, "Deployment");
        Map<String, Object> pod = map(deployment, "spec", "template", "spec");
        Map<String, Object> container = container(deployment);

        assertThat(map(pod, "securityContext")).containsEntry("runAsNonRoot", true);
        assertThat(map(pod, "securityContext", "seccompProfile")).containsEntry("type", "RuntimeDefault");
        assertThat(map(container, "securityContext")).containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false);
        assertThat(map(container, "securityContext", "capabilities").get("drop")).isEqualTo(List.of("ALL"));
        assertThat(list(container, "volumeMounts")).anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/tmp"));
        assertThat(env(container, "JAVA_TOOL_OPTIONS")).hasValueSatisfying(options -> assertThat(options)
                .contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError", "-Dpdfbox.fontcache=/tmp",
                        "-Djava.io.tmpdir=/tmp"));
        assertThat(map(container, "resources", "limits")).containsKey("memory");
        assertThat(map(container, "readinessProbe", "httpGet")).containsEntry("path", "/actuator/health/readiness");
        assertThat(map(container, "livenessProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness");
        assertThat(map(container, "startupProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness");

        // Spring's phases run one after the other: preStop, then Tomcat's drain, then Camel's.
        Map<String, Object> jar = Manifests.parseAll(Manifests.read(java.nio.file.Path.of(
                "src/main/resources/application.yaml"))).get(0);
        long camelDrain = Long.parseLong(String.valueOf(map(jar, "camel", "main").get("shutdown-timeout")));
        long preStop = Long.parseLong(String.valueOf(map(container, "lifecycle", "preStop", "sleep").get("seconds")));
        long tomcatDrain = Duration.parse("PT" + String.valueOf(map(configMapFile(objects, "application.yaml"),
                "spring", "lifecycle").get("timeout-per-shutdown-phase")).toUpperCase()).toSeconds();
        assertThat(((Number) pod.get("terminationGracePeriodSeconds")).longValue())
                .as("terminationGracePeriodSeconds covers preStop + Tomcat + camel.main.shutdown-timeout")
                .isGreaterThan(preStop + tomcatDrain + camelDrain);
        String configVolume = String.valueOf(list(pod, "volumes").stream()
                .filter(v -> v.containsKey("configMap")).findFirst().map(v -> map(v, "configMap").get("name")).orElse(""));
        assertThat(configVolume).startsWith("docflow-config-");
    }

    @Test
    void aTypoInADocflowKeyFailsTheBinding() {
        var typo = deployed(DocflowConfiguration.yaml("typo.yaml", "docflow:\n  queues:\n    ingets: docflow-ingest\n"));
        assertThatThrownBy(() -> DocflowConfiguration.bind(typo)).isInstanceOf(BindException.class)
                .hasStackTraceContaining("docflow.queues.ingets");

        var envTypo = deployed(List.<PropertySource<?>>of(DocflowConfiguration.environment(Map.of("DOCFLOW_JOBS_TABEL", "x"))));
        assertThatThrownBy(() -> DocflowConfiguration.bind(envTypo)).isInstanceOf(BindException.class)
                .hasStackTraceContaining("docflow.jobs.tabel");

        var invalid = deployed(DocflowConfiguration.yaml("invalid.yaml", "docflow:\n  jobs:\n    table: ''\n"));
        assertThatThrownBy(() -> DocflowConfiguration.bind(invalid)).hasMessageContaining("docflow.jobs.table");

        assertThatThrownBy(() -> DocflowConfiguration.bind(List.of())).as("the jar alone names no token issuer")
                .hasStackTraceContaining("docflow.security");
    }

    /** {@code sources} over the issuer settings every deployment has. */
    private static List<PropertySource<?>> deployed(List<PropertySource<?>> sources) {
        List<PropertySource<?>> all = new java.util.ArrayList<>();
        all.add(DocflowConfiguration.deployedIssuer());
        all.addAll(sources);
        return all;
    }

    /** docflow's configuration in the pod: the jar's defaults, the ConfigMap's files in profile order, then env. */
    static DocflowProperties configuration(List<Map<String, Object>> objects) {
        Map<String, Object> container = container(only(objects, "Deployment"));
        Map<String, String> files = configMap(objects);
        List<PropertySource<?>> sources = new ArrayList<>(
                DocflowConfiguration.yaml("configmap application.yaml", files.get("application.yaml")));
        env(container, "SPRING_PROFILES_ACTIVE").ifPresent(profiles -> {
            for (String profile : profiles.split(",")) {
                String file = "application-" + profile.strip() + ".yaml";
                assertThat(files).as("ConfigMap file for profile %s", profile).containsKey(file);
                sources.addAll(DocflowConfiguration.yaml("configmap " + file, files.get(file)));
            }
        });
        Map<String, Object> variables = new HashMap<>();
        list(container, "env").forEach(e -> variables.put(String.valueOf(e.get("name")), String.valueOf(e.get("value"))));
        sources.add(DocflowConfiguration.environment(variables));
        assertThat(files.keySet()).allSatisfy(name -> assertThat(name).matches("application(-[a-z0-9]+)?\\.yaml"));
        return DocflowConfiguration.bind(sources);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> configMap(List<Map<String, Object>> objects) {
        Map<String, Object> configMap = Manifests.named(objects, "ConfigMap", "docflow-config-")
                .orElseThrow(() -> new AssertionError("no docflow-config ConfigMap"));
        return (Map<String, String>) (Map<?, ?>) map(configMap, "data");
    }

    static Map<String, Object> configMapFile(List<Map<String, Object>> objects, String file) {
        return Manifests.parseAll(configMap(objects).get(file)).get(0);
    }
}
