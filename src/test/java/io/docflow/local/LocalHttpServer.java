package io.docflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on 127.0.0.1 for the local protocol fakes (SNS, EventBridge, Bedrock Runtime): the JDK's
 * server with a thread per request, so a fake that adds model latency never holds up another caller.
 */
public final class LocalHttpServer implements AutoCloseable {

    static {
        // The JDK server sends headers and body in two writes; with Nagle on, every answer then waits ~40 ms for
        // the client's delayed ACK. The JDK reads this once, when the JVM's first HttpServer starts.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;

    private LocalHttpServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts serving {@code handler} at {@code /} on {@code port} (0: any free port). */
    public static LocalHttpServer start(String name, int port, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            AtomicInteger count = new AtomicInteger();
            ExecutorService threads = Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            server.createContext("/", handler);
            server.start();
            return new LocalHttpServer(server, threads);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start local " + name + " on 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
