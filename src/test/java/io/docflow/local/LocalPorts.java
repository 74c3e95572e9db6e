package io.docflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The 127.0.0.1 ports of the local AWS services and of the local token issuer (Cognito's stand-in). Local mode uses
 * fixed, documented ports (docs/local-development.md) so the README's {@code aws} and {@code curl} commands work;
 * tests take free ones.
 */
public record LocalPorts(int s3, int sqs, int dynamodb, int sns, int eventbridge, int bedrockRuntime, int textract,
                         int issuer) {

    public static LocalPorts fixed() {
        return new LocalPorts(4566, 9324, 8000, 9911, 9912, 9913, 9914, 9915);
    }

    /**
     * Eight distinct free ports. Each socket stays open until all eight are taken: a port closed right after it was
     * found can be handed out again by the next bind, which once gave S3 and SQS the same port.
     */
    public static LocalPorts free() {
        java.util.List<ServerSocket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new LocalPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
