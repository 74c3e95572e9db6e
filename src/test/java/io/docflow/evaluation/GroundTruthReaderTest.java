package io.docflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> SCHEMAS = new HashMap<>();

    @TempDir
    Path folder;

    @BeforeAll
    static void shippedSchemas() throws IOException {
        for (String name : List.of("invoice", "receipt", "bank-statement", "contract", "resume", "other")) {
            try (InputStream in = GroundTruthReaderTest.class.getResourceAsStream(
                    "/document-classes/" + name + ".schema.json")) {
                SCHEMAS.put(name, JSON.readTree(in));
            }
        }
    }

    private GroundTruthReader reader() {
        return new GroundTruthReader(JSON, SCHEMAS);
    }

    private Path write(String name, String json) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json.replace('\'', '"'));
    }

    @Test
    void aTruthFileBesideTheDocumentGivesItsClassAndFields() throws IOException {
        Path document = write("invoice-7.pdf", "%PDF");
        write("invoice-7.pdf.truth.json", "{'truthVersion':1,'class':'invoice','fields':{'invoiceNumber':'INV-7',"
                + "'total':693.86,'invoiceDate':'2024-03-01','tax':null,"
                + "'lineItems':[{'description':'Widget','quantity':2,'amount':10.5}]}}");

        GroundTruth truth = reader().readFor(document);

        assertThat(truth.document()).isEqualTo(document);
        assertThat(truth.documentClass()).isEqualTo("invoice");
        assertThat(truth.fields().path("lineItems").get(0).path("amount").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(truth.source()).endsWith("invoice-7.pdf.truth.json");
    }

    @Test
    void theNameWithoutItsExtensionIsFoundTooAndAMissingTruthIsSaid() throws IOException {
        Path document = write("scan.png", "png");
        write("scan.truth.json", "{'class':'other','fields':{}}");
        assertThat(reader().readFor(document).documentClass()).isEqualTo("other");

        Path unlabelled = write("lonely.pdf", "%PDF");
        assertThatThrownBy(() -> reader().readFor(unlabelled)).isInstanceOf(GroundTruthException.class)
                .hasMessageContaining("lonely.pdf: no ground truth beside it (lonely.pdf.truth.json)");
    }

    @Test
    void everyProblemIsReportedWithItsFileAndPointer() throws IOException {
        Path document = write("bad.pdf", "%PDF");
        write("bad.pdf.truth.json", "{'class':'invoice','feilds':1,'fields':{'total':'693.86','invoiceDate':"
                + "'01/03/2024','colour':'red','lineItems':[{'amount':1},{'amount':'x'}],'invoiceNumber':7}}");

        GroundTruthException problem = catchThrowableOfType(() -> reader().readFor(document), GroundTruthException.class);

        String file = folder.resolve("bad.pdf.truth.json").toString();
        assertThat(problem.problems()).containsExactlyInAnyOrder(
                file + ": /feilds: is not a ground truth member (expected one of [class, fields, note, truthVersion])",
                file + ": /fields/total: must be a number; got \"693.86\"",
                file + ": /fields/invoiceDate: must be an ISO date (yyyy-MM-dd); got \"01/03/2024\"",
                file + ": /fields/colour: is not a field of this class",
                file + ": /fields/lineItems/1/amount: must be a number; got \"x\"",
                file + ": /fields/invoiceNumber: must be text; got 7");
        assertThat(problem).hasMessageStartingWith("6 problems in the ground truth:");
    }

    @Test
    void anUnknownClassMissingFieldsAndBrokenJsonAreRefused() throws IOException {
        Path a = write("a.pdf", "");
        write("a.pdf.truth.json", "{'class':'invoices','fields':{}}");
        assertThatThrownBy(() -> reader().readFor(a)).hasMessageContaining("/class: is not a known class")
                .hasMessageContaining("got \"invoices\"");

        Path b = write("b.pdf", "");
        write("b.pdf.truth.json", "{'class':'receipt'}");
        assertThatThrownBy(() -> reader().readFor(b)).hasMessageEndingWith(
                "/fields: must be an object (use {} when nothing is expected)");

        Path c = write("c.pdf", "");
        write("c.pdf.truth.json", "{'class':'receipt',\n'fields':{'total':1,}}");
        assertThatThrownBy(() -> reader().readFor(c)).hasMessageContaining("c.pdf.truth.json: line 2")
                .hasMessageContaining("not valid JSON");

        Path d = write("d.pdf", "");
        write("d.pdf.truth.json", "{'class':'receipt','class':'invoice','fields':{}}");
        assertThatThrownBy(() -> reader().readFor(d)).hasMessageContaining("Duplicate field 'class'");
    }

    @Test
    void aManifestListsDocumentsRelativeToItself() throws IOException {
        Path manifest = write("set/truth.json", "{'truthVersion':1,'documents':["
                + "{'document':'invoices/1.pdf','class':'invoice','fields':{'total':5}},"
                + "{'document':'cv.docx','class':'resume','fields':{'skills':['Java','SQL']}}]}");

        List<GroundTruth> truths = reader().readManifest(manifest);

        assertThat(truths).extracting(GroundTruth::documentClass).containsExactly("invoice", "resume");
        assertThat(truths.get(0).document()).isEqualTo(folder.resolve("set/invoices/1.pdf").toAbsolutePath());
        assertThat(truths.get(1).source()).endsWith("truth.json#/documents/1");
        assertThat(truths.get(1).fields().path("skills").size()).isEqualTo(2);
    }

    @Test
    void aManifestEntryOutsideItsFolderTwiceOrMistypedIsReported() throws IOException {
        Path manifest = write("set/truth.json", "{'truthVersion':2,'documents':["
                + "{'document':'../secret.pdf','class':'invoice','fields':{}},"
                + "{'document':'a.pdf','class':'invoice','fields':{}},"
                + "{'document':'./a.pdf','class':'invoice','fields':{}},"
                + "{'class':'invoice','fields':{}},"
                + "{'document':'b.pdf','class':'contract','fields':{'parties':'A and B'}}]}");

        GroundTruthException problem = catchThrowableOfType(() -> reader().readManifest(manifest),
                GroundTruthException.class);

        assertThat(problem.problems()).extracting(p -> p.substring(p.indexOf(": ") + 2)).containsExactly(
                "/truthVersion: must be 1; got 2",
                "/documents/0/document: must stay inside the manifest's folder; got ../secret.pdf",
                "/documents/2/document: lists ./a.pdf a second time",
                "/documents/3/document: must be the document's path, relative to the manifest",
                "/documents/4/fields/parties: must be a list; got \"A and B\"");
    }
}
