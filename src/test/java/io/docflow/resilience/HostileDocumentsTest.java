package io.docflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Each hostile fixture is small on disk, is the type Tika detects it as, and declares what makes it hostile. */
class HostileDocumentsTest {

    private static final Detector TIKA = TikaConfig.getDefaultConfig().getDetector();

    @TempDir Path dir;

    @Test
    void officeBombsAreAboutAMegabyteAndExpandToAGibibyte() throws IOException {
        Path docx = HostileDocuments.docxBomb(dir.resolve("bomb.docx"), HostileDocuments.GIB);
        Path xlsx = HostileDocuments.xlsxBomb(dir.resolve("bomb.xlsx"), HostileDocuments.GIB);
        Path odt = HostileDocuments.odtBomb(dir.resolve("bomb.odt"), HostileDocuments.GIB);

        assertThat(detect(docx)).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(detect(xlsx)).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(detect(odt)).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(expanded(docx, "word/document.xml")).isGreaterThan(HostileDocuments.GIB - (1 << 20));
        assertThat(expanded(xlsx, "xl/sharedStrings.xml")).isGreaterThan(HostileDocuments.GIB - (1 << 20));
        assertThat(expanded(odt, "content.xml")).isGreaterThan(HostileDocuments.GIB - (1 << 20));
        for (Path bomb : new Path[] {docx, xlsx, odt}) {
            assertThat(Files.size(bomb)).as("%s on disk", bomb.getFileName()).isLessThan(2 << 20);
        }
    }

    @Test
    void theNestedZipBombIsAZipOfZips() throws IOException {
        Path zip = HostileDocuments.nestedZipBomb(dir.resolve("nested.zip"), 5, 16, 64L << 20);

        assertThat(detect(zip)).isEqualTo("application/zip");
        assertThat(Files.size(zip)).isLessThan(1 << 20);
        try (ZipFile outer = new ZipFile(zip.toFile())) {
            assertThat(outer.size()).isEqualTo(16);
            assertThat(outer.entries().nextElement().getName()).isEqualTo("level-5-0.zip");
        }
    }

    @Test
    void theOtherFixturesAreTheirTypeAndSmall() throws IOException {
        Path pdf = HostileDocuments.manyPagesPdf(dir.resolve("pages.pdf"), 100_000);
        Path xml = HostileDocuments.billionLaughs(dir.resolve("laughs.xml"));
        Path html = HostileDocuments.deeplyNestedHtml(dir.resolve("nested.html"), 100_000);
        Path json = HostileDocuments.deeplyNestedJson(dir.resolve("nested.json"), 100_000);
        Path text = HostileDocuments.singleLineText(dir.resolve("line.txt"), 20L << 20);
        Path png = HostileDocuments.hugePng(dir.resolve("huge.png"), 30_000, 30_000);

        assertThat(detect(pdf)).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(100_000);
        }
        assertThat(Files.size(pdf)).isLessThan(2 << 20);
        assertThat(detect(xml)).isEqualTo("application/xml");
        assertThat(detect(html)).isEqualTo("text/html");
        assertThat(detect(json)).isEqualTo("application/json");
        assertThat(detect(text)).isEqualTo("text/plain");
        assertThat(Files.size(text)).isGreaterThan((20L << 20) - 100);
        try (var lines = Files.lines(text)) {
            assertThat(lines.count()).isEqualTo(1);
        }
        assertThat(detect(png)).isEqualTo("image/png");
        assertThat(Files.size(png)).isLessThan(2 << 20);
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertThat(reader.getWidth(0)).isEqualTo(30_000);
            assertThat(reader.getHeight(0)).isEqualTo(30_000);
        }
    }

    private static String detect(Path file) throws IOException {
        Metadata metadata = new Metadata();
        // as docflow detects it: from the bytes, with the object key's name as a hint (JSON is text/plain without)
        metadata.set(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return TIKA.detect(in, metadata).getBaseType().toString();
        }
    }

    /** The inflated size of one entry, read through (the size in the zip's directory is the writer's word only). */
    private static long expanded(Path zip, String entryName) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(entryName);
            try (InputStream in = file.getInputStream(entry)) {
                return in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
    }
}
