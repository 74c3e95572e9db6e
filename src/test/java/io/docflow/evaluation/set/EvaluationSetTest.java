package io.docflow.evaluation.set;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.evaluation.GroundTruth;
import io.docflow.evaluation.GroundTruthReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationSetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLASSES = List.of("bank-statement", "contract", "form", "invoice", "letter",
            "other", "receipt", "report", "resume");

    @TempDir
    static Path defaultSet;
    private static List<Path> documents;
    private static Map<Path, DocumentSpec> specs;

    @BeforeAll
    static void writeTheDefaultSetOnce() {
        long start = System.nanoTime();
        documents = EvaluationSet.write(defaultSet, EvaluationSet.DEFAULT_SEED);
        System.out.printf("Default evaluation set: %d documents in %d ms%n", documents.size(),
                (System.nanoTime() - start) / 1_000_000);
        specs = new HashMap<>();
        EvaluationSet.plan(EvaluationSet.DEFAULT_SEED, EvaluationSet.DEFAULT_PER_CLASS)
                .forEach(spec -> specs.put(defaultSet.resolve(spec.relativePath()), spec));
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherDocuments(@TempDir Path first, @TempDir Path second,
                                                                    @TempDir Path third) throws IOException {
        List<Path> a = EvaluationSet.write(first, 7, 3);
        List<Path> b = EvaluationSet.write(second, 7, 3);

        Map<String, byte[]> filesA = files(first);
        Map<String, byte[]> filesB = files(second);
        assertThat(a).hasSize(27).allMatch(path -> path.startsWith(first));
        assertThat(b.stream().map(second::relativize).toList()).isEqualTo(a.stream().map(first::relativize).toList());
        assertThat(filesA.keySet()).isEqualTo(filesB.keySet()).hasSize(27 * 2 + 1);
        filesA.forEach((name, bytes) -> assertThat(filesB.get(name)).as(name).isEqualTo(bytes));

        EvaluationSet.write(third, 8, 3);
        Map<String, byte[]> filesC = files(third);
        long same = filesA.entrySet().stream().filter(e -> e.getKey().endsWith(".truth.json"))
                .filter(e -> !e.getKey().startsWith("other"))
                .filter(e -> java.util.Arrays.equals(e.getValue(), filesC.get(e.getKey()))).count();
        assertThat(same).as("truths equal under another seed").isZero();
    }

    @Test
    void aFolderHoldingTheSameSetIsReusedAndAnotherSizeReplacesIt(@TempDir Path folder) throws IOException {
        List<Path> written = EvaluationSet.write(folder, 5, 2);
        Path touched = written.stream().filter(p -> p.getFileName().toString().startsWith("invoice-001")).findFirst().orElseThrow();
        Files.writeString(Truths.fileFor(touched), "changed");

        assertThat(EvaluationSet.write(folder, 5, 2)).isEqualTo(written);
        assertThat(Files.readString(Truths.fileFor(touched))).as("reused, not rewritten").isEqualTo("changed");

        List<Path> bigger = EvaluationSet.write(folder, 5, 3);
        assertThat(bigger).hasSize(27);
        try (Stream<Path> all = Files.walk(folder)) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            assertThat(files).hasSize(27 * 2 + 1);
            for (Path truth : files.stream().filter(f -> f.toString().endsWith(".truth.json")).toList()) {
                assertThat(Files.readString(truth)).as(truth.toString()).startsWith("{");
            }
        }
    }

    @Test
    void everyTruthReadsAndTheSetHasEveryClassFormatLengthAndListSize() throws IOException {
        GroundTruthReader reader = new GroundTruthReader(JSON, schemas());
        Map<String, Integer> perClass = new TreeMap<>();
        Map<String, Integer> perFormat = new TreeMap<>();
        Set<Integer> listSizes = new java.util.TreeSet<>();
        int multiPage = 0;
        int maxPages = 0;
        int otherWithFields = 0;
        for (Path document : documents) {
            GroundTruth truth = reader.readFor(document);
            DocumentSpec spec = specs.get(document);
            assertThat(truth.documentClass()).isEqualTo(spec.documentClass());
            assertThat(document.getParent().getFileName().toString()).isEqualTo(truth.documentClass());
            perClass.merge(truth.documentClass(), 1, Integer::sum);
            perFormat.merge(spec.format().family(), 1, Integer::sum);
            truth.fields().fields().forEachRemaining(field -> {
                if (field.getValue().isArray()) {
                    listSizes.add(field.getValue().size());
                }
            });
            if ("other".equals(truth.documentClass()) && !truth.fields().isEmpty()) {
                otherWithFields++;
            }
            if (spec.format() == Format.PDF) {
                try (PDDocument pdf = Loader.loadPDF(document.toFile())) {
                    multiPage += pdf.getNumberOfPages() > 1 ? 1 : 0;
                    maxPages = Math.max(maxPages, pdf.getNumberOfPages());
                }
            }
        }
        System.out.printf("Per class %s, per format %s, list sizes %s, multi-page text PDFs %d (up to %d pages)%n",
                perClass, perFormat, listSizes, multiPage, maxPages);

        assertThat(perClass.keySet()).containsExactlyElementsOf(CLASSES);
        assertThat(perClass.values()).allMatch(n -> n == EvaluationSet.DEFAULT_PER_CLASS);
        assertThat(documents).hasSize(CLASSES.size() * EvaluationSet.DEFAULT_PER_CLASS);
        assertThat(perFormat.keySet()).containsExactly("docx", "pdf", "scan");
        assertThat(perFormat.get("scan")).isBetween(documents.size() / 10, documents.size() / 5);
        assertThat(perFormat.get("docx")).isBetween(documents.size() / 5, documents.size() * 3 / 10);
        assertThat(documents).anyMatch(d -> d.toString().endsWith(".png"));
        assertThat(listSizes).contains(1, 500);
        assertThat(multiPage).isGreaterThan(20);
        assertThat(maxPages).isGreaterThanOrEqualTo(8);
        assertThat(otherWithFields).isZero();
    }

    @Test
    void aScanHasNoTextLayerButATextPdfDoes() throws IOException {
        Path scan = documents.stream().filter(d -> specs.get(d).format() == Format.SCANNED_PDF).findFirst().orElseThrow();
        Path text = documents.stream().filter(d -> specs.get(d).format() == Format.PDF).findFirst().orElseThrow();
        assertThat(pdfText(scan)).isBlank();
        assertThat(pdfText(text)).isNotBlank();
    }

    @Test
    void everyValueOfTheTruthIsWrittenInTheDocumentsWithText() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path document : documents) {
            Format format = specs.get(document).format();
            if (format.isScan()) {
                continue;
            }
            String text = normalised(format == Format.DOCX ? docxText(document) : pdfText(document));
            JsonNode fields = JSON.readTree(Truths.fileFor(document).toFile()).path("fields");
            List<String> values = new ArrayList<>();
            scalars(fields, "", values);
            for (String entry : values) {
                int tab = entry.indexOf('\t');
                String pointer = entry.substring(0, tab);
                JsonNode value = fields.at(pointer);
                checked++;
                if (writings(value, pointer).stream().noneMatch(text::contains)) {
                    missing.add(defaultSet.relativize(document) + " " + pointer + " = " + value);
                }
            }
        }
        assertThat(checked).isGreaterThan(5000);
        assertThat(missing).as("values not found in the document's text").isEmpty();
    }

    /** Every scalar value with its JSON pointer (booleans left out: a signature is not a word). */
    private static void scalars(JsonNode node, String pointer, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> scalars(f.getValue(), pointer + "/" + f.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scalars(node.get(i), pointer + "/" + i, into);
            }
        } else if (!node.isBoolean() && !node.isNull()) {
            into.add(pointer + "\t");
        }
    }

    /** The ways a document may write a value: dates in every date style, numbers with any marks. */
    private static Set<String> writings(JsonNode value, String pointer) {
        Set<String> writings = new LinkedHashSet<>();
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue().abs();
            for (Money.Marks marks : Money.Marks.values()) {
                writings.add(normalised(marks.format(number, 2)));
                if (number.stripTrailingZeros().scale() <= 0) {
                    writings.add(normalised(marks.format(number, 0)));
                }
            }
            return writings;
        }
        String text = value.asText();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            LocalDate date = LocalDate.parse(text);
            for (DateStyle style : DateStyle.values()) {
                writings.add(normalised(style.format(date)));
            }
            return writings;
        }
        writings.add(normalised(text));
        return writings;
    }

    private static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String docxText(Path docx) throws IOException {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument document = new XWPFDocument(in);
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    private static Map<String, JsonNode> schemas() throws IOException {
        Map<String, JsonNode> schemas = new HashMap<>();
        for (String name : CLASSES) {
            try (InputStream in = EvaluationSetTest.class.getResourceAsStream("/document-classes/" + name + ".schema.json")) {
                schemas.put(name, JSON.readTree(in));
            }
        }
        return schemas;
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
