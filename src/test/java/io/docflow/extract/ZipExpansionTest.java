package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.docflow.jobs.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipExpansionTest {

    @TempDir Path dir;

    /** A zip of one entry of {@code size} zero bytes, written in blocks. */
    private Path zipOfZeros(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < size; written += block.length) {
                zip.write(block, 0, (int) Math.min(block.length, size - written));
            }
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void aZipExpandingFarBeyondItsSizeIsRefusedWithTheEntryNamed() throws IOException {
        Path bomb = zipOfZeros("bomb.zip", 64L << 20);

        assertThatThrownBy(() -> ZipExpansion.check(bomb, Files.size(bomb), 100, "'bomb.zip'"))
                .isInstanceOf(DocumentExtractionException.class)
                .hasMessageContaining("zeros.bin: 67108864")
                .hasMessageContaining("docflow.extract.max-expansion-ratio (100)")
                .extracting(e -> ((DocumentExtractionException) e).reason()).isEqualTo(FailureReason.TOO_LARGE_EXPANDED);
    }

    @Test
    void belowTheFloorAnyRatioPasses() throws IOException {
        Path small = zipOfZeros("small.zip", 8L << 20);

        assertThatCode(() -> ZipExpansion.check(small, Files.size(small), 100, "'small.zip'")).doesNotThrowAnyException();
    }

    @Test
    void aHigherRatioLetsTheSameZipThrough() throws IOException {
        Path bomb = zipOfZeros("bomb.zip", 64L << 20);

        assertThatCode(() -> ZipExpansion.check(bomb, Files.size(bomb), 1_000_000, "'bomb.zip'")).doesNotThrowAnyException();
    }

    @Test
    void filesThatAreNoZipAreLeftToTheParser() throws IOException {
        Path text = Files.writeString(dir.resolve("a.txt"), "PK is how this text starts");
        Path broken = dir.resolve("broken.zip");
        try (OutputStream out = Files.newOutputStream(broken)) {
            out.write(new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        }

        assertThatCode(() -> ZipExpansion.check(text, Files.size(text), 1, "'a.txt'")).doesNotThrowAnyException();
        assertThatCode(() -> ZipExpansion.check(broken, Files.size(broken), 1, "'broken.zip'")).doesNotThrowAnyException();
    }
}
