package io.docflow.extract;

import io.docflow.jobs.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class TextExtractorTest {

    private static final TextExtractor extractor = new TextExtractor(ExtractionSettings.defaults());

    @TempDir
    Path dir;

    @Test
    void pdfGivesTextTitleAndAuthor() throws IOException {
        Path pdf = PdfFixtures.pdf(dir.resolve("upload.bin"), "Invoice 2041", "Ada Lovelace",
                List.of("Invoice number 2041 total due 99 EUR"));

        ExtractedDocument result = extractor.extract(pdf, null);

        assertThat(result.contentType()).isEqualTo("application/pdf");
        assertThat(result.text()).contains("Invoice number 2041 total due 99 EUR");
        assertThat(result.title()).isEqualTo("Invoice 2041");
        assertThat(result.author()).isEqualTo("Ada Lovelace");
        assertThat(result.pages()).isEqualTo(1);
        assertThat(result.characters()).isEqualTo(result.text().length());
        assertThat(result.truncated()).isFalse();
        assertThat(result.hasText()).isTrue();
    }

    @Test
    void aParserBuiltInTheBackgroundServesTheFirstDocumentWhole() throws IOException {
        Path pdf = PdfFixtures.pdf(dir.resolve("first.pdf"), "Invoice 2042", "Ada Lovelace",
                List.of("Invoice number 2042 total due 12 EUR"));

        // extracting at once: the call waits for the background build of Tika's parser
        ExtractedDocument result = new TextExtractor(ExtractionSettings.defaults(), true).extract(pdf, null);

        assertThat(result.contentType()).isEqualTo("application/pdf");
        assertThat(result.text()).contains("Invoice number 2042 total due 12 EUR");
        assertThat(result.pages()).isEqualTo(1);
    }

    @Test
    void twoPagePdfCountsItsPages() throws IOException {
        Path pdf = PdfFixtures.pdf(dir.resolve("two.pdf"), "Contract", "Legal",
                List.of("First page of the contract", "Second page with signatures"));

        ExtractedDocument result = extractor.extract(pdf, "two.pdf");

        assertThat(result.pages()).isEqualTo(2);
        assertThat(result.text()).contains("First page of the contract", "Second page with signatures");
        assertThat(result.text().indexOf("First page")).isLessThan(result.text().indexOf("Second page"));
        assertThat(result.pageStarts()).hasSize(2);
        assertThat(result.pageText(0)).contains("First page").doesNotContain("Second page");
        assertThat(result.pageText(1)).contains("Second page");
    }

    @Test
    void aPdfWithMorePagesThanTheLimitFailsTooManyPages() throws IOException {
        Path pdf = PdfFixtures.pdf(dir.resolve("four.pdf"), "Report", "Ops", List.of("one", "two", "three", "four"));
        TextExtractor threePages = new TextExtractor(ExtractionSettings.defaults().withMaxPages(3));

        assertThatThrownBy(() -> threePages.extract(pdf, "four.pdf"))
                .isInstanceOfSatisfying(DocumentExtractionException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.TOO_MANY_PAGES))
                .hasMessageContaining("four.pdf")
                .hasMessageContaining("has 4 pages, more than docflow.extract.max-pages (3)");
        assertThat(new TextExtractor(ExtractionSettings.defaults().withMaxPages(4)).extract(pdf, "four.pdf").pages())
                .isEqualTo(4);
    }

    @Test
    void imageOnlyPdfHasNoText() throws IOException {
        ExtractedDocument result = extractor.extract(PdfFixtures.imageOnlyPdf(dir.resolve("scan.pdf")), "scan.pdf");

        assertThat(result.contentType()).isEqualTo("application/pdf");
        assertThat(result.pages()).isEqualTo(1);
        assertThat(result.hasText()).isFalse();
    }

    @Test
    void typeComesFromTheBytesNotTheName() throws IOException {
        Path pdf = PdfFixtures.pdf(dir.resolve("a"), "t", "a", List.of("Disguised as notes"));

        ExtractedDocument result = extractor.extract(pdf, "notes.txt");

        assertThat(result.contentType()).isEqualTo("application/pdf");
        assertThat(result.text()).contains("Disguised as notes");
    }

    @Test
    void docxGivesTextTitleAndAuthor() throws IOException {
        Path docx = OfficeFixtures.docx(dir.resolve("letter"), "Offer letter", "Grace Hopper",
                "We are pleased to offer you the position.");

        ExtractedDocument result = extractor.extract(docx, null);

        assertThat(result.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(result.text()).contains("We are pleased to offer you the position.");
        assertThat(result.title()).isEqualTo("Offer letter");
        assertThat(result.author()).isEqualTo("Grace Hopper");
    }

    @Test
    void xlsxGivesCellText() throws IOException {
        ExtractedDocument result = extractor.extract(OfficeFixtures.xlsx(dir.resolve("sheet"), "Expenses", "Travel", 1234.5), null);

        assertThat(result.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(result.text()).contains("Expenses", "Travel", "1234.5");
    }

    @Test
    void pptxGivesSlideText() throws IOException {
        ExtractedDocument result = extractor.extract(OfficeFixtures.pptx(dir.resolve("deck"), "Roadmap for the next quarter"), null);

        assertThat(result.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        assertThat(result.text()).contains("Roadmap for the next quarter");
    }

    @Test
    void odtGivesText() throws IOException {
        ExtractedDocument result = extractor.extract(OfficeFixtures.odt(dir.resolve("minutes"), "Minutes of the board meeting"), null);

        assertThat(result.contentType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(result.text()).contains("Minutes of the board meeting");
    }

    @Test
    void rtfGivesText() throws IOException {
        Path rtf = write("memo", "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0 Quarterly memo for all staff.\\par }");

        ExtractedDocument result = extractor.extract(rtf, null);

        assertThat(result.contentType()).isEqualTo("application/rtf");
        assertThat(result.text()).contains("Quarterly memo for all staff.");
    }

    @Test
    void htmlGivesBodyTextAndTitle() throws IOException {
        Path html = write("page", """
                <!DOCTYPE html>
                <html><head><title>Shipping policy</title><style>p { color: red; }</style></head>
                <body><h1>Shipping</h1><p>Orders ship within two days.</p></body></html>
                """);

        ExtractedDocument result = extractor.extract(html, null);

        assertThat(result.contentType()).isEqualTo("text/html");
        assertThat(result.title()).isEqualTo("Shipping policy");
        assertThat(result.text()).contains("Orders ship within two days.").doesNotContain("color: red");
    }

    @Test
    void utf8TextKeepsNonAsciiCharacters() throws IOException {
        Path txt = write("notes", "Grüße aus Köln: naïve café, 東京, Ωmega. Ünïcödé everywhere in this plain text note.\n");

        ExtractedDocument result = extractor.extract(txt, "notes.txt");

        assertThat(result.contentType()).isEqualTo("text/plain");
        assertThat(result.text()).contains("Grüße aus Köln: naïve café, 東京, Ωmega.");
        assertThat(result.pages()).isNull();
    }

    @Test
    void theLanguageIsGuessedFromTheText() throws IOException {
        Path english = write("english", "The quarterly report shows that sales grew in every region. "
                + "Our customers ordered more products than ever before, and the outlook for next year is good.\n");
        Path german = write("german", "Der Quartalsbericht zeigt, dass der Umsatz in allen Regionen gewachsen ist. "
                + "Unsere Kunden haben mehr Produkte bestellt als je zuvor, und die Aussichten sind gut.\n");

        assertThat(extractor.extract(english, "en.txt").language()).isEqualTo("en");
        assertThat(extractor.extract(german, "de.txt").language()).isEqualTo("de");
    }

    @Test
    void emlGivesBodySubjectAndSender() throws IOException {
        Path eml = write("mail", String.join("\r\n",
                "Return-Path: <alice@example.com>",
                "Received: from mail.example.com by mx.example.org; Mon, 3 Mar 2025 10:00:00 +0000",
                "From: Alice Example <alice@example.com>",
                "To: Bob Example <bob@example.org>",
                "Subject: Purchase order 7781",
                "Date: Mon, 3 Mar 2025 10:00:00 +0000",
                "Message-ID: <po-7781@example.com>",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "Please ship purchase order 7781 by Friday.",
                ""));

        ExtractedDocument result = extractor.extract(eml, null);

        assertThat(result.contentType()).isEqualTo("message/rfc822");
        assertThat(result.text()).contains("Please ship purchase order 7781 by Friday.");
        assertThat(result.title()).isEqualTo("Purchase order 7781");
        assertThat(result.author()).contains("alice@example.com");
    }

    @Test
    void pngImageHasNoText() throws IOException {
        Path png = dir.resolve("picture");
        ImageIO.write(PdfFixtures.picture(), "png", png.toFile());

        ExtractedDocument result = extractor.extract(png, null);

        assertThat(result.contentType()).isEqualTo("image/png");
        assertThat(result.hasText()).isFalse();
    }

    @Test
    void emptyFileHasNoText() throws IOException {
        ExtractedDocument result = extractor.extract(Files.createFile(dir.resolve("empty.txt")), "empty.txt");

        assertThat(result.hasText()).isFalse();
        assertThat(result.characters()).isZero();
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void corruptPdfIsReportedAsCorrupt() throws IOException {
        byte[] garbage = new byte[2048];
        new Random(7).nextBytes(garbage);
        Path pdf = dir.resolve("broken.pdf");
        Files.write(pdf, "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(pdf, garbage, java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> extractor.extract(pdf, "broken.pdf"))
                .isInstanceOfSatisfying(DocumentExtractionException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.CORRUPT_DOCUMENT))
                .hasMessageContaining("application/pdf")
                .hasMessageContaining("'broken.pdf'");
    }

    @Test
    void randomBytesAreAnUnsupportedType() throws IOException {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.dat"), noise);

        assertThatThrownBy(() -> extractor.extract(file, null))
                .isInstanceOfSatisfying(DocumentExtractionException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.UNSUPPORTED_TYPE))
                .hasMessageContaining("application/octet-stream");
    }

    @Test
    void encryptedPdfIsReportedAsEncrypted() throws IOException {
        Path pdf = PdfFixtures.encryptedPdf(dir.resolve("secret.pdf"), "Top secret plans");

        assertThatThrownBy(() -> extractor.extract(pdf, "secret.pdf"))
                .isInstanceOfSatisfying(DocumentExtractionException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.ENCRYPTED))
                .hasMessageContaining("application/pdf");
    }

    @Test
    void documentAboveTheSizeLimitIsRefusedBeforeParsing() throws IOException {
        TextExtractor small = new TextExtractor(ExtractionSettings.defaults().withMaxDocumentBytes(DataSize.ofBytes(1024)));
        Path txt = write("big.txt", "x".repeat(1025));

        assertThatThrownBy(() -> small.extract(txt, "big.txt"))
                .isInstanceOfSatisfying(DocumentExtractionException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE))
                .hasMessageContaining("1025 bytes")
                .hasMessageContaining("max-document-bytes");
    }

    @Test
    void aParseLongerThanTheTimeoutFailsTheDocument(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        TextExtractor impatient = new TextExtractor(ExtractionSettings.defaults().withParseTimeout(java.time.Duration.ofNanos(1)));
        Path pdf = PdfFixtures.pdf(dir.resolve("slow.pdf"), "Slow", "Someone",
                java.util.Collections.nCopies(40, "A page of text that takes a moment to parse."));

        assertThatThrownBy(() -> impatient.extract(pdf, "slow.pdf"))
                .isInstanceOfSatisfying(DocumentExtractionException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.PARSE_TIMEOUT))
                .hasMessageContaining("docflow.extract.parse-timeout");
    }

    @Test
    void embeddedDocumentsPastTheLimitAreSkippedAndCounted(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path zip = dir.resolve("many.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 1; i <= 30; i++) {
                out.putNextEntry(new java.util.zip.ZipEntry("entry-" + i + ".txt"));
                out.write(("Entry number " + i + " of the archive.\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }

        ExtractedDocument limited = new TextExtractor(ExtractionSettings.defaults().withMaxEmbeddedDocuments(10))
                .extract(zip, "many.zip");
        ExtractedDocument whole = extractor.extract(zip, "many.zip");

        assertThat(limited.embeddedDocumentsSkipped()).isEqualTo(20);
        assertThat(limited.text()).contains("Entry number 1 of", "Entry number 10 of").doesNotContain("Entry number 11 of");
        assertThat(whole.embeddedDocumentsSkipped()).isZero();
        assertThat(whole.text()).contains("Entry number 30 of");
    }

    @Test
    void textPastTheCharacterLimitIsTruncatedAndSaysSo() throws IOException {
        TextExtractor limited = new TextExtractor(ExtractionSettings.defaults().withMaxCharacters(1000));
        Path txt = write("long.txt", "All work and no play makes a dull report. ".repeat(100));

        ExtractedDocument result = limited.extract(txt, "long.txt");

        assertThat(result.truncated()).isTrue();
        assertThat(result.characterLimit()).isEqualTo(1000);
        assertThat(result.text()).hasSize(1000).startsWith("All work and no play");
        assertThat(result.characters()).isEqualTo(1000);
    }

    @Test
    void textAtTheCharacterLimitIsNotTruncated() throws IOException {
        TextExtractor limited = new TextExtractor(ExtractionSettings.defaults().withMaxCharacters(1000));
        Path txt = write("short.txt", "Short enough.\n");

        ExtractedDocument result = limited.extract(txt, "short.txt");

        assertThat(result.truncated()).isFalse();
        assertThat(result.text()).contains("Short enough.");
    }

    @Test
    void missingFileIsAReadFailure() {
        assertThatThrownBy(() -> extractor.extract(dir.resolve("gone.pdf"), "gone.pdf"))
                .isInstanceOfSatisfying(DocumentExtractionException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.CORRUPT_DOCUMENT));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void aZipInsideAZipThatExpandsLikeABombFailsTheDocumentAsTooLargeExpanded(@TempDir Path dir) throws IOException {
        java.io.ByteArrayOutputStream inner = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(inner)) {
            zip.setLevel(9);
            zip.putNextEntry(new java.util.zip.ZipEntry("zeros.txt"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 32; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        Path outer = dir.resolve("outer.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(outer))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("harmless".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("inner.zip"));
            zip.write(inner.toByteArray());
            zip.closeEntry();
        }

        assertThatThrownBy(() -> extractor.extract(outer, "outer.zip"))
                .isInstanceOf(DocumentExtractionException.class)
                .hasMessageContaining("'inner.zip' (embedded)")
                .extracting(e -> ((DocumentExtractionException) e).reason()).isEqualTo(FailureReason.TOO_LARGE_EXPANDED);
    }

    @Test
    void aDocxWhosePartExpandsLikeABombIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path bomb = io.docflow.resilience.HostileDocuments.docxBomb(dir.resolve("bomb.docx"), 64L << 20);

        assertThatThrownBy(() -> extractor.extract(bomb, "bomb.docx"))
                .isInstanceOf(DocumentExtractionException.class)
                .hasMessageContaining("word/document.xml")
                .extracting(e -> ((DocumentExtractionException) e).reason()).isEqualTo(FailureReason.TOO_LARGE_EXPANDED);
    }

    @Test
    void builtForTheFirstDocumentOnlyWhenAskedTo(@TempDir Path dir) throws IOException {
        TextExtractor onFirstUse = new TextExtractor(ExtractionSettings.defaults(), false, true);
        assertThat(onFirstUse.parserBuilt()).isFalse();
        assertThat(onFirstUse.language("The quick brown fox jumps over the lazy dog again and again and again.")).isEqualTo("en");
        assertThat(onFirstUse.parserBuilt()).as("guessing a language needs no parser").isFalse();

        Path text = Files.writeString(dir.resolve("a.txt"), "INVOICE\nTotal: $1.00\n");
        assertThat(onFirstUse.extract(text, "a.txt").text()).contains("Total: $1.00");
        assertThat(onFirstUse.parserBuilt()).isTrue();
    }
}
