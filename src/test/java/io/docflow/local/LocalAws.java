package io.docflow.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import io.docflow.local.bedrock.LocalBedrock;
import io.docflow.local.eventbridge.LocalEventBridge;
import io.docflow.local.sns.LocalSns;
import io.docflow.local.textract.LocalTextract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS services docflow uses, run in-process on 127.0.0.1 for local mode and tests, reached over real HTTP:
 * S3 (S3Proxy, in memory, with S3 event emission), SQS (ElasticMQ), DynamoDB (DynamoDB Local, in memory), and
 * docflow's own protocol fakes of SNS and EventBridge (both delivering into the local SQS), Bedrock Runtime and
 * Textract; beside them the local token issuer that stands in for Cognito ({@link LocalIssuer}).
 * Start with {@link #start(LocalPorts)}; {@link #close()} stops everything and frees every port.
 */
public final class LocalAws implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Logger log = LoggerFactory.getLogger(LocalAws.class);

    private final LocalPorts ports;
    private final S3EventBus s3Events = new S3EventBus();
    private final List<AutoCloseable> running = new ArrayList<>();
    private volatile boolean closed;
    private SqsClient deliveryClient;
    private LocalSns sns;
    private LocalEventBridge eventBridge;
    private LocalBedrock bedrock;
    private LocalTextract textract;
    private LocalIssuer issuer;

    private LocalAws(LocalPorts ports) {
        this.ports = ports;
    }

    /** Starts every local service on {@code ports}; on failure, stops what had started. */
    public static LocalAws start(LocalPorts ports) {
        useLocalCredentialsUnlessSet();
        LocalAws aws = new LocalAws(ports);
        try {
            long started = System.nanoTime();
            aws.startS3();
            aws.startSqs();
            aws.startDynamoDb();
            aws.startFakes();
            log.info("Local AWS up in {} ms: S3 {}, SQS {}, DynamoDB {}, SNS {}, EventBridge {}, Bedrock Runtime {}, Textract {}, "
                    + "token issuer {}", (System.nanoTime() - started) / 1_000_000, aws.s3Endpoint(), aws.sqsEndpoint(),
                    aws.dynamoDbEndpoint(), aws.snsEndpoint(), aws.eventBridgeEndpoint(), aws.bedrockEndpoint(),
                    aws.textractEndpoint(), aws.issuer().issuer());
            return aws;
        } catch (Exception e) {
            aws.close();
            throw new IllegalStateException("Local AWS services failed to start on " + ports + ": " + e.getMessage(), e);
        }
    }

    /**
     * The local services accept any credentials; the SDK's default chain just needs some. Real credentials in the
     * environment are never replaced, only absent ones filled in through the system properties the chain reads.
     */
    private static void useLocalCredentialsUnlessSet() {
        if (System.getProperty("aws.accessKeyId") == null && System.getenv("AWS_ACCESS_KEY_ID") == null) {
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
    }

    private void startS3() throws Exception {
        var blobStore = new NotifyingBlobStore(BlobStores.create("transient", new Properties()), s3Events);
        S3Proxy s3 = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(s3Endpoint())
                .build();
        s3.start();
        running.add(() -> {
            s3.stop();
            blobStore.close();
        });
        running.add(s3Events);
    }

    private void startSqs() {
        SQSRestServer sqs = SQSRestServerBuilder
                .withInterface(LOOPBACK)
                .withPort(ports.sqs())
                .withServerAddress(new NodeAddress("http", LOOPBACK, ports.sqs(), ""))
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
        running.add(sqs::stopAndWait);
        sqs.waitUntilStarted();
    }

    private void startDynamoDb() throws Exception {
        // DynamoDB Local's own launcher binds every interface; this binds its handler to loopback only.
        var requestHandler = new LocalDynamoDBRequestHandler(0, true, null, true, false);
        var serverHandler = new LocalDynamoDBServerHandler(requestHandler, null);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(LOOPBACK);
        connector.setPort(ports.dynamodb());
        server.addConnector(connector);
        server.setHandler(new DynamoDBProxyServer(ports.dynamodb(), serverHandler).setUpHandler(serverHandler));
        running.add(() -> {
            server.stop();
            requestHandler.shutdown();
            stopDynamoDbJobThreads();
        });
        server.start();
    }

    /**
     * DynamoDB Local's shutdown leaves its background jobs (stream shard rollover) sleeping in a non-daemon pool
     * that nothing else can reach, which keeps the JVM alive after Ctrl-C; interrupting them ends their loop.
     */
    private static void stopDynamoDbJobThreads() {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("com.amazonaws.services.dynamodbv2.local.shared.jobs.")) {
                    thread.interrupt();
                    return;
                }
            }
        });
    }

    /** SNS and EventBridge deliver into the local SQS through their own client, as the real services do. */
    private void startFakes() {
        deliveryClient = LocalClients.local(SqsClient.builder(), sqsEndpoint()).build();
        running.add(deliveryClient);
        sns = LocalSns.start(ports.sns(), deliveryClient);
        running.add(sns);
        eventBridge = LocalEventBridge.start(ports.eventbridge(), deliveryClient);
        running.add(eventBridge);
        // As S3 does for a bucket with EventBridge notifications on: every created object goes to the default bus.
        s3Events.addDestination(eventBridge.s3EventsToDefaultBus());
        bedrock = LocalBedrock.start(ports.bedrockRuntime());
        running.add(bedrock);
        textract = LocalTextract.start(ports.textract());
        running.add(textract);
        issuer = LocalIssuer.start(ports.issuer());
        running.add(issuer);
    }

    public LocalPorts ports() {
        return ports;
    }

    /** Destinations for the local S3's object-created events (S3 notifications, EventBridge). */
    public S3EventBus s3Events() {
        return s3Events;
    }

    public URI s3Endpoint() {
        return endpoint(ports.s3());
    }

    public URI sqsEndpoint() {
        return endpoint(ports.sqs());
    }

    public URI dynamoDbEndpoint() {
        return endpoint(ports.dynamodb());
    }

    public URI snsEndpoint() {
        return sns.endpoint();
    }

    public URI eventBridgeEndpoint() {
        return eventBridge.endpoint();
    }

    public URI bedrockEndpoint() {
        return bedrock.endpoint();
    }

    public URI textractEndpoint() {
        return textract.endpoint();
    }

    /** The local token issuer: docflow.security.issuer-uri, and tokens per role. */
    public LocalIssuer issuer() {
        return issuer;
    }

    /** The local Textract (its blocks come from the local Tesseract). */
    public LocalTextract textract() {
        return textract;
    }

    /** The local Bedrock Runtime, for fault injection, quotas and call counters. */
    public LocalBedrock bedrock() {
        return bedrock;
    }

    private static URI endpoint(int port) {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    /** Stops the services in reverse start order; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log.warn("Stopping a local AWS service failed: {}", e.toString());
            }
        }
        running.clear();
    }
}
