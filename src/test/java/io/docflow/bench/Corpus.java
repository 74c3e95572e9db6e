package io.docflow.bench;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.docflow.pipeline.Fixtures;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Generates the benchmark's documents: single-page invoices and receipts as text, PDF or DOCX (one chunk each), and
 * large documents for the memory scenario, written once to {@code target/benchmarks/corpus/} and reused.
 * Deterministic for a seed, so runs compare like with like.
 */
final class Corpus {

    /** One document to upload: small ones in memory, large ones as a file. */
    record Document(String key, String type, byte[] bytes, Path file) {

        long size() {
            try {
                return bytes != null ? bytes.length : Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Corpus() {
    }

    /**
     * {@code count} single-page documents, types in the proportions of {@code mix} (e.g. txt=50, pdf=30, docx=20),
     * interleaved; keys are {@code <prefix>/doc-00001.<type>}.
     */
    static List<Document> singlePage(String prefix, int count, Map<String, Integer> mix, long seed) {
        Random random = new Random(seed);
        List<String> types = interleave(mix, count);
        List<Document> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String type = types.get(i);
            String text = (i % 4 == 3) ? receipt(random, i) : invoice(random, i);
            byte[] bytes = switch (type) {
                case "txt" -> text.getBytes(StandardCharsets.UTF_8);
                case "pdf" -> pdf(List.of(text.lines().toList()));
                case "docx" -> docx(text);
                default -> throw new IllegalArgumentException("Unknown document type " + type + " (txt, pdf, docx)");
            };
            documents.add(new Document("%s/doc-%05d.%s".formatted(prefix, i + 1, type), type, bytes, null));
        }
        return documents;
    }

    /** Parses {@code txt=50,pdf=30,docx=20} (or {@code pdf}) into proportions. */
    static Map<String, Integer> mix(String spec) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("[=:]");
            mix.put(kv[0].trim().toLowerCase(Locale.ROOT), kv.length > 1 ? Integer.parseInt(kv[1].trim()) : 1);
        }
        return mix;
    }

    private static List<String> interleave(Map<String, Integer> mix, int count) {
        int total = mix.values().stream().mapToInt(Integer::intValue).sum();
        List<String> types = new ArrayList<>(count);
        Map<String, Double> credit = new LinkedHashMap<>();
        mix.keySet().forEach(t -> credit.put(t, 0.0));
        for (int i = 0; i < count; i++) {
            String best = null;
            for (var e : mix.entrySet()) {
                credit.merge(e.getKey(), (double) e.getValue() / total, Double::sum);
                if (best == null || credit.get(e.getKey()) > credit.get(best)) {
                    best = e.getKey();
                }
            }
            credit.merge(best, -1.0, Double::sum);
            types.add(best);
        }
        return types;
    }

    static String invoice(Random random, int n) {
        int boxes = 1 + random.nextInt(40);
        int cents = 100 + random.nextInt(900_000);
        return """
                ACME Supplies Ltd
                12 High Street, London
                INVOICE
                Invoice Number: BENCH-%06d
                Invoice Date: 2026-03-%02d
                Due Date: 2026-04-%02d
                Bill To: Example Corp %d
                Description: Paper, %d boxes
                Subtotal: $%d.%02d
                Tax: $0.00
                Total: $%d.%02d
                Amount due in USD. Thank you for your business.
                """.formatted(n, 1 + random.nextInt(28), 1 + random.nextInt(28), random.nextInt(1000), boxes,
                cents / 100, cents % 100, cents / 100, cents % 100);
    }

    static String receipt(Random random, int n) {
        int cents = 100 + random.nextInt(20_000);
        return """
                CORNER STORE
                Receipt #%d
                Cashier: Dana
                Milk 1 $1.99
                Bread 2 $5.00
                TOTAL %d.%02d
                CASH %d.00
                Thank you for your purchase!
                """.formatted(10_000 + n, cents / 100, cents % 100, cents / 100 + 1);
    }

    /** A PDF whose pages each hold the given lines, set in Helvetica. */
    static byte[] pdf(List<List<String>> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (List<String> lines : pages) {
                addTextPage(document, lines);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx(String text) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.lines().toList()) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addTextPage(PDDocument document, List<String> lines) throws IOException {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            Fixtures.writeLines(content, lines);
        }
    }

    /**
     * A scan-like PDF of about {@code targetBytes}: pages each holding an uncompressed ~1 MB picture of noise (which
     * no filter could shrink) and a few lines of invoice text. Written once, then reused.
     */
    static Path imagePdf(Path dir, long targetBytes) {
        Path file = dir.resolve("scan-%dMB.pdf".formatted(targetBytes / (1024 * 1024)));
        if (Files.exists(file)) {
            return file;
        }
        int width = 600;
        int height = 580;
        int imageBytes = width * height * 3;
        int pages = (int) Math.max(1, targetBytes / imageBytes);
        Random random = new Random(targetBytes);
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve(file.getFileName() + ".part");
            try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
                byte[] pixels = new byte[imageBytes];
                for (int p = 1; p <= pages; p++) {
                    random.nextBytes(pixels);
                    PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(pixels), null,
                            width, height, 8, PDDeviceRGB.INSTANCE);
                    PDPage page = new PDPage();
                    document.addPage(page);
                    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                        content.drawImage(image, 40, 100, 500, 480);
                        Fixtures.writeLines(content, List.of("ACME Supplies Ltd", "INVOICE", "Invoice Number: SCAN-" + p,
                                "Page " + p + " of " + pages, "Total: $" + (100 + p) + ".00"));
                    }
                }
                document.save(partial.toFile());
            }
            Files.move(partial, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** A text-only PDF of {@code pages} pages, 45 lines each (about 3,700 characters a page). Written once. */
    static Path textPdf(Path dir, int pages) {
        Path file = dir.resolve("text-%dpages.pdf".formatted(pages));
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve(file.getFileName() + ".part");
            try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
                for (int p = 1; p <= pages; p++) {
                    List<String> lines = new ArrayList<>();
                    if (p == 1) {
                        lines.addAll(List.of("ACME Supplies Ltd", "INVOICE", "Invoice Number: LONG-" + pages, ""));
                    }
                    for (int i = 1; i <= 45; i++) {
                        lines.add("Page " + p + " line " + i + ": delivery of item " + (p * 100 + i)
                                + " was completed as agreed, and signed for at the loading dock.");
                    }
                    if (p == pages) {
                        lines.add("Total: $98,765.43");
                    }
                    addTextPage(document, lines);
                }
                document.save(partial.toFile());
            }
            Files.move(partial, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** A plain-text document of about {@code targetBytes}: an invoice header, then numbered delivery lines. */
    static Path bigText(Path dir, long targetBytes, int variant) {
        Path file = dir.resolve("text-%dMB-%d.txt".formatted(targetBytes / (1024 * 1024), variant));
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve(file.getFileName() + ".part");
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write(invoice(new Random(variant), variant));
                long written = 0;
                int line = 0;
                while (written < targetBytes) {
                    String text = "Line " + (++line) + ": delivery of item " + (variant * 1_000_000 + line)
                            + " was completed as agreed, and signed for at the loading dock.\n"
                            + (line % 9 == 0 ? "\n" : "");
                    out.write(text);
                    written += text.length();
                }
            }
            Files.move(partial, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
