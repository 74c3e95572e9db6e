package io.docflow.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * routes/ and the Java code agree on the exchange's shared state: every variable a route sets or reads is declared
 * in {@link Variables}, every declared one is used, and every route id Java names exists and consumes its direct
 * endpoint.
 */
class DeclaredExchangeStateTest {

    private static final Path ROUTES = Path.of("routes");
    private static final Pattern READ = Pattern.compile("variable\\.([A-Za-z]+)");

    @Test
    void everyVariableTheRoutesUseIsDeclared() throws IOException {
        Set<String> declared = declaredNames();

        assertThat(routeVariables()).as("variables in routes/ not declared in Variables").isSubsetOf(declared);
    }

    @Test
    void everyDeclaredVariableIsUsedByARouteOrByJava() throws IOException {
        Set<String> used = new TreeSet<>(routeVariables());
        String java = mainJavaOutside("exchange");
        for (Field field : Variables.class.getFields()) {
            if (field.getType() == Variable.class && java.contains("Variables." + field.getName())) {
                used.add(variable(field).name());
            }
        }

        assertThat(declaredNames()).as("declared but used nowhere").isSubsetOf(used);
    }

    @Test
    void everyDeclarationSaysWhoSetsAndReadsIt() {
        assertThat(Variables.ALL).allSatisfy(variable -> {
            assertThat(variable.setBy()).as(variable.name()).isNotBlank();
            assertThat(variable.readBy()).as(variable.name()).isNotBlank();
        });
        assertThat(Variables.ALL).extracting(Variable::name).doesNotHaveDuplicates();
    }

    @Test
    void everyRouteIdJavaNamesExistsAndConsumesItsDirectEndpoint() throws IOException {
        Map<String, String> directNameById = directNamesByRouteId();
        for (Field field : RouteIds.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String id = value(field);
                assertThat(directNameById).as("route %s (RouteIds.%s) in routes/", id, field.getName()).containsKey(id);
                assertThat(directNameById.get(id)).as("direct endpoint of route %s", id).isEqualTo(id);
            }
        }
    }

    @Test
    void aDirectUriMapsBackToItsRouteId() {
        assertThat(RouteIds.ofDirectUri(RouteIds.directUri(RouteIds.CLASSIFY))).isEqualTo(RouteIds.CLASSIFY);
        assertThat(RouteIds.ofDirectUri("aws2-sqs://docflow-ingest")).isNull();
    }

    private static Set<String> declaredNames() {
        Set<String> names = new TreeSet<>();
        Variables.ALL.forEach(v -> names.add(v.name()));
        for (Field field : Variables.class.getFields()) {
            if (field.getType() == Variable.class) {
                assertThat(names).as("Variables.%s is in Variables.ALL", field.getName()).contains(variable(field).name());
            }
        }
        return names;
    }

    /** Names read as ${variable.x} anywhere, and names set by setVariable steps. */
    private static Set<String> routeVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : routeFiles()) {
            String text = Files.readString(file);
            Matcher read = READ.matcher(text);
            while (read.find()) {
                names.add(read.group(1));
            }
            for (Object document : yaml().loadAll(text)) {
                collectSetVariables(document, names);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void collectSetVariables(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            Object set = map.get("setVariable");
            if (set instanceof Map<?, ?> step && step.get("name") != null) {
                names.add(String.valueOf(step.get("name")));
            }
            map.values().forEach(value -> collectSetVariables(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectSetVariables(item, names));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> directNamesByRouteId() throws IOException {
        Map<String, String> names = new HashMap<>();
        for (Path file : routeFiles()) {
            Object document = yaml().load(Files.readString(file));
            for (Object entry : (List<Object>) document) {
                if (entry instanceof Map<?, ?> map && map.get("route") instanceof Map<?, ?> route) {
                    Map<String, Object> from = (Map<String, Object>) route.get("from");
                    Object parameters = from.get("parameters");
                    String direct = "direct".equals(from.get("uri")) && parameters instanceof Map<?, ?> p
                            ? String.valueOf(p.get("name")) : null;
                    names.put(String.valueOf(route.get("id")), direct);
                }
            }
        }
        return names;
    }

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            return files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    private static String mainJavaOutside(String excludedPackage) throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("/io/docflow/" + excludedPackage + "/")).toList()) {
                sources.add(Files.readString(file));
            }
        }
        return String.join("\n", sources);
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static Variable<?> variable(Field field) {
        try {
            return (Variable<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
