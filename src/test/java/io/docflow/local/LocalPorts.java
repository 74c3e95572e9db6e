package io.docflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The 127.0.0.1 ports of the local AWS services. Local mode uses fixed, documented ports (docs/local-development.md)
 * so the README's {@code aws} commands work; tests take free ones.
 */
public record LocalPorts(int s3, int sqs, int dynamodb, int sns, int eventbridge, int bedrockRuntime, int textract) {

    public static LocalPorts fixed() {
        return new LocalPorts(4566, 9324, 8000, 9911, 9912, 9913, 9914);
    }

    public static LocalPorts free() {
        return new LocalPorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
