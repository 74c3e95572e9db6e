package io.docflow.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each object the local S3 creates to the configured notification destinations, after the S3 call has
 * answered and in creation order, as S3 delivers its notifications: asynchronously, never failing the upload.
 */
public final class S3EventBus implements Consumer<S3ObjectCreated>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3EventBus.class);

    private final List<Consumer<S3ObjectCreated>> destinations = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "local-s3-notifications");
        thread.setDaemon(true);
        return thread;
    });

    public void addDestination(Consumer<S3ObjectCreated> destination) {
        destinations.add(destination);
    }

    @Override
    public void accept(S3ObjectCreated event) {
        delivery.execute(() -> destinations.forEach(destination -> {
            try {
                destination.accept(event);
            } catch (RuntimeException e) {
                log.warn("Local S3 could not deliver the event for s3://{}/{}: {}", event.bucket(), event.key(), e.toString());
            }
        }));
    }

    @Override
    public void close() throws InterruptedException {
        delivery.shutdown();
        delivery.awaitTermination(5, TimeUnit.SECONDS);
    }
}
