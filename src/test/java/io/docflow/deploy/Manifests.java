package io.docflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The project's Kubernetes manifests as Kustomize renders them ({@code kubectl kustomize}), as plain maps. */
final class Manifests {

    static final Path K8S = Path.of("k8s");
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private Manifests() {
    }

    /** Every object of {@code k8s/<dir>} rendered by the pinned kubectl ({@link Kubectl}). */
    static List<Map<String, Object>> render(String dir) {
        Path location = K8S.resolve(dir);
        try {
            Process process = new ProcessBuilder(Kubectl.path(), "kustomize", location.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + location + " failed:\n" + output);
            }
            return parseAll(output);
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl kustomize " + location + " could not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parseAll(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document instanceof Map<?, ?> map) {
                objects.add((Map<String, Object>) map);
            }
        }
        return objects;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> only(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    static Optional<Map<String, Object>> named(List<Map<String, Object>> objects, String kind, String namePrefix) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")))
                .filter(o -> String.valueOf(map(o, "metadata").get("name")).startsWith(namePrefix)).findFirst();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String... path) {
        Map<String, Object> current = parent;
        for (String key : path) {
            Object next = current.get(key);
            if (!(next instanceof Map)) {
                throw new AssertionError("no map at " + String.join(".", path) + " (stopped at " + key + ")");
            }
            current = (Map<String, Object>) next;
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    /** The docflow container of a rendered Deployment. */
    static Map<String, Object> container(Map<String, Object> deployment) {
        return list(map(deployment, "spec", "template", "spec"), "containers").stream()
                .filter(c -> "docflow".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment has no container named docflow"));
    }

    static Optional<String> env(Map<String, Object> container, String name) {
        return list(container, "env").stream().filter(e -> name.equals(e.get("name")))
                .map(e -> String.valueOf(e.get("value"))).findFirst();
    }
}
