package io.docflow.extract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.docflow.jobs.FailureReason;
import io.docflow.resilience.HostileDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfPageCountTest {

    @TempDir Path dir;

    @Test
    void aPdfWithinTheLimitPasses() throws IOException {
        Path pdf = PdfFixtures.pdf(dir.resolve("three.pdf"), "t", "a", List.of("one", "two", "three"));

        assertThatCode(() -> PdfPageCount.check(pdf, 3, "three.pdf")).doesNotThrowAnyException();
    }

    @Test
    void aPdfDeclaringMorePagesIsRefusedAsTooManyPages() throws IOException {
        Path pdf = HostileDocuments.manyPagesPdf(dir.resolve("many.pdf"), 1_001);

        assertThatThrownBy(() -> PdfPageCount.check(pdf, 1_000, "s3://bucket/many.pdf"))
                .isInstanceOf(DocumentExtractionException.class)
                .hasMessage("PDF document s3://bucket/many.pdf has 1001 pages, more than docflow.extract.max-pages (1000)")
                .extracting(e -> ((DocumentExtractionException) e).reason()).isEqualTo(FailureReason.TOO_MANY_PAGES);
    }

    @Test
    void filesWhosePageCountCannotBeReadAreLeftToTheParser() throws IOException {
        Path notPdf = Files.writeString(dir.resolve("fake.pdf"), "%PDF-1.7 but nothing else");
        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        Path encrypted = PdfFixtures.encryptedPdf(dir.resolve("locked.pdf"), "secret");

        assertThatCode(() -> PdfPageCount.check(notPdf, 0, "fake.pdf")).doesNotThrowAnyException();
        assertThatCode(() -> PdfPageCount.check(empty, 0, "empty.pdf")).doesNotThrowAnyException();
        assertThatCode(() -> PdfPageCount.check(encrypted, 0, "locked.pdf")).doesNotThrowAnyException();
        assertThatCode(() -> PdfPageCount.check(dir.resolve("absent.pdf"), 0, "absent.pdf")).doesNotThrowAnyException();
    }
}
