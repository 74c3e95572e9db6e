package io.docflow.local.sns;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.docflow.local.LocalHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Amazon SNS for local mode and tests, on 127.0.0.1, speaking SNS's real AWS Query protocol so the SDK's SnsClient
 * and Camel's aws2-sns work unchanged. Topics (standard and FIFO) fan out to subscribed SQS queues, as the SNS JSON
 * notification or raw, honouring subscription filter policies. Region and account are those of {@code LocalAws}.
 * Everything lives in memory; {@link #close()} forgets it.
 */
public final class LocalSns implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSns.class);

    private final LocalHttpServer server;
    private final SqsFanOut fanOut;
    private boolean closed;

    private LocalSns(LocalHttpServer server, SqsFanOut fanOut) {
        this.server = server;
        this.fanOut = fanOut;
    }

    /**
     * Starts SNS on {@code port} (0: any free port).
     *
     * @param sqs a client of the local SQS, which receives the deliveries to subscribed queues
     */
    public static LocalSns start(int port, SqsClient sqs) {
        // The fan-out puts this server's URL in every notification, so the actions are added once it listens. A
        // request in that instant, before start() returns, would be answered as an unknown action.
        Map<String, SnsAction> actions = new ConcurrentHashMap<>();
        LocalHttpServer server = LocalHttpServer.start("local-sns", port, new SnsHttpHandler(actions));
        SqsFanOut fanOut = new SqsFanOut(sqs, server.endpoint());
        SnsRegistry registry = new SnsRegistry();
        new TopicActions(registry).register(actions);
        new SubscriptionActions(registry).register(actions);
        new PublishActions(registry, fanOut).register(actions);
        log.info("Local SNS up at {}", server.endpoint());
        return new LocalSns(server, fanOut);
    }

    /** The ARN SNS gives the topic {@code name} here. */
    public static String topicArn(String name) {
        return Topic.arnOf(name);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Stops serving, then lets deliveries already accepted reach their queues (for at most five seconds). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        try {
            fanOut.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
