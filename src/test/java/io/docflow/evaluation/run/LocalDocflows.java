package io.docflow.evaluation.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.docflow.bench.DocflowProcess;
import io.docflow.client.DocflowClient;
import io.docflow.bench.Runner;
import io.docflow.config.DocflowProperties;
import io.docflow.local.LocalAws;
import io.docflow.local.LocalClients;
import io.docflow.local.LocalPorts;
import io.docflow.local.LocalProvisioner;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * docflow in local mode for the evaluate command: the embedded AWS services (with the deterministic local
 * Bedrock) started once, and one docflow process per configuration, each with its own buckets, queues and topic
 * so two configurations never see each other's documents.
 */
final class LocalDocflows implements AutoCloseable {

    /** The Deployment's heap: 40 % of its 2 GiB memory limit. */
    private static final List<String> JVM = List.of("-Xmx820m");

    private final LocalAws aws;
    private final LocalClients clients;
    private final Path logs;
    private final List<DocflowProcess> processes = new ArrayList<>();

    LocalDocflows(Path logs) {
        this.aws = LocalAws.start(LocalPorts.free());
        this.clients = new LocalClients(aws);
        this.logs = logs;
        // the evaluate command stopped from outside takes its docflow processes with it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().children()
                .forEach(ProcessHandle::destroyForcibly), "evaluate-children"));
    }

    LocalAws aws() {
        return aws;
    }

    /** Starts docflow with {@code settings} on resources of its own and answers its API once it is ready. */
    DocflowClient start(String name, Map<String, String> settings) {
        Map<String, String> all = Runner.runSettings("eval-" + name, settings);
        DocflowProperties config = new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("docflow", DocflowProperties.class);
        new LocalProvisioner(aws, clients).provision(config);
        // one event per object, as a deployment with either S3 notifications or EventBridge gets
        clients.eventBridge().disableRule(b -> b.name(LocalProvisioner.OBJECT_CREATED_RULE + "-" + config.buckets().input()));
        DocflowProcess process = DocflowProcess.start("evaluate-" + name, aws, all, JVM, logs);
        processes.add(process);
        // a submitter of its own per docflow: the per-caller upload rate must not pace an evaluation run
        return new DocflowClient(URI.create("http://127.0.0.1:" + process.port()),
                aws.issuer().token("evaluate-" + name, List.of("submitter"), io.docflow.local.LocalIssuer.CLIENT_ID,
                        io.docflow.local.LocalIssuer.LIFETIME));
    }

    /** Stops the docflow of {@code api}'s configuration (the next one gets the machine to itself). */
    void stop(DocflowClient api) {
        processes.removeIf(p -> {
            if (api.base().getPort() == p.port()) {
                p.close();
                return true;
            }
            return false;
        });
    }

    @Override
    public void close() {
        processes.forEach(DocflowProcess::close);
        processes.clear();
        aws.close();
    }
}
