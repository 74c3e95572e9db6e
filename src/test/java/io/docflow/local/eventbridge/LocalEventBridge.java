package io.docflow.local.eventbridge;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.local.LocalHttpServer;
import io.docflow.local.S3ObjectCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A local Amazon EventBridge on 127.0.0.1 that speaks the real JSON 1.1 protocol, so the SDK's EventBridgeClient
 * and Camel's aws2-eventbridge work against it unchanged: event buses, rules matched by AWS's own event-ruler,
 * SQS queue targets (whole event, InputPath or constant Input) and PutEvents. Region us-east-1, account
 * 000000000000, like the other local services. See docs/local-fakes-eventbridge.md for what it leaves out.
 */
public final class LocalEventBridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalEventBridge.class);

    private final Buses buses;
    private final EventRouter router;
    private final SqsDelivery delivery;
    private final LocalHttpServer server;
    private boolean closed;

    private LocalEventBridge(Buses buses, EventRouter router, SqsDelivery delivery, LocalHttpServer server) {
        this.buses = buses;
        this.router = router;
        this.delivery = delivery;
        this.server = server;
    }

    /**
     * Starts serving on {@code port} (0: any free port), delivering to queues through {@code sqs}, a client of the
     * local SQS that stays the caller's to close.
     */
    public static LocalEventBridge start(int port, SqsClient sqs) {
        Buses buses = new Buses();
        SqsDelivery delivery = new SqsDelivery(sqs);
        EventRouter router = new EventRouter(delivery);
        Map<String, Function<ApiRequest, ObjectNode>> actions = new HashMap<>();
        actions.putAll(new BusActions(buses).actions());
        actions.putAll(new RuleActions(buses).actions());
        actions.putAll(new TargetActions(buses).actions());
        actions.putAll(new PutEventsAction(buses, router).actions());
        LocalHttpServer server = LocalHttpServer.start("local-eventbridge", port, new EventBridgeApi(actions));
        log.info("Local EventBridge up at {}", server.endpoint());
        return new LocalEventBridge(buses, router, delivery, server);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /**
     * A destination for the local S3's object-created events that puts each on the default bus as the
     * "Object Created" event S3 sends when a bucket's EventBridge notifications are on.
     */
    public Consumer<S3ObjectCreated> s3EventsToDefaultBus() {
        return created -> router.route(buses.get(Buses.DEFAULT), S3EventBridgeEvents.objectCreated(created));
    }

    /** Stops answering, then delivers what was already matched; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        try {
            delivery.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
