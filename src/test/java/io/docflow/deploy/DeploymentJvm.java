package io.docflow.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM settings of docflow's pod, from the Deployment in {@code k8s/base} (the container's memory limit and its
 * JAVA_TOOL_OPTIONS), made to apply to a JVM started outside a container: tests that start docflow as a child JVM
 * get the heap the pod gets. Read from the file itself, so no kubectl is needed.
 * <p>
 * The base Deployment's limit is 2Gi with docflow's heap at 40 % of it (the rest for the JVM and the parser workers);
 * the overlays patch the limit (dev: 1280Mi with one smaller worker).
 */
public final class DeploymentJvm {

    /** Below this much memory a JVM is not a "server class machine" and picks the Serial collector, not G1. */
    private static final long SERVER_CLASS_MEMORY = 1792L << 20;

    private static final Path DEPLOYMENT = Manifests.K8S.resolve("base/deployment.yaml");

    private DeploymentJvm() {
    }

    /** The docflow container's memory limit in bytes. */
    public static long memoryLimitBytes() {
        return quantity(String.valueOf(Manifests.map(container(), "resources", "limits").get("memory")));
    }

    /** The container's JAVA_TOOL_OPTIONS, as the Deployment writes them. */
    public static List<String> javaToolOptions() {
        String options = Manifests.env(container(), "JAVA_TOOL_OPTIONS")
                .orElseThrow(() -> new AssertionError(DEPLOYMENT + " sets no JAVA_TOOL_OPTIONS for docflow"));
        return List.of(options.trim().split("\\s+"));
    }

    /**
     * Options that give a JVM on this machine the pod's heap and collector: {@code -XX:MaxRAM} set to the memory
     * limit, so {@code -XX:MaxRAMPercentage} takes its share of the limit as inside the container (40% of 2Gi:
     * 819 MiB); the Serial collector when the limit is below what the JVM calls a server-class machine (the
     * container's JVM chooses it by itself; here, with more memory, it would choose G1); then the Deployment's
     * JAVA_TOOL_OPTIONS except the AOT cache, which exists only in the image (and which a JDK 17 refuses as an option).
     */
    public static List<String> childJvmOptions() {
        long limit = memoryLimitBytes();
        List<String> options = new ArrayList<>();
        options.add("-XX:MaxRAM=" + limit);
        if (limit < SERVER_CLASS_MEMORY) {
            options.add("-XX:+UseSerialGC");
        }
        javaToolOptions().stream().filter(o -> !o.startsWith("-XX:AOTCache=")).forEach(options::add);
        return options;
    }

    /** The heap a JVM gets from {@link #childJvmOptions()}: MaxRAMPercentage of the memory limit. */
    public static long maxHeapBytes() {
        double percentage = javaToolOptions().stream().filter(o -> o.startsWith("-XX:MaxRAMPercentage="))
                .map(o -> Double.parseDouble(o.substring(o.indexOf('=') + 1))).findFirst().orElse(25.0);
        return (long) (memoryLimitBytes() * percentage / 100);
    }

    private static Map<String, Object> container() {
        return Manifests.container(Manifests.only(Manifests.parseAll(Manifests.read(DEPLOYMENT)), "Deployment"));
    }

    /** A Kubernetes quantity of bytes: 1536Mi, 2Gi, 512M, 1073741824. */
    static long quantity(String quantity) {
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] unit : units) {
            if (quantity.endsWith(unit[0])) {
                return Long.parseLong(quantity.substring(0, quantity.length() - unit[0].length())) * Long.parseLong(unit[1]);
            }
        }
        return Long.parseLong(quantity);
    }
}
