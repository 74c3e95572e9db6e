package io.docflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.evaluation.GroundTruth;
import io.docflow.evaluation.GroundTruthReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrectionsManifestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aKeyReviewedTwiceIsListedOnceWithItsLatestReview() throws IOException {
        CorrectionsManifest manifest = new CorrectionsManifest(JSON)
                .add("a.pdf", "invoice", json("{'total':1}"))
                .add("b.pdf", "receipt", json("{'total':2}"))
                .add("a.pdf", "invoice", json("{'total':3}"));

        JsonNode documents = manifest.json().get("documents");
        assertThat(manifest.json().get("truthVersion").asInt()).isEqualTo(1);
        assertThat(documents).hasSize(2);
        assertThat(documents.findValuesAsText("document")).containsExactly("b.pdf", "a.pdf");
        assertThat(documents.get(1).at("/fields/total").asInt()).isEqualTo(3);
    }

    @Test
    void theManifestReadsAsGroundTruthWithMaskedCardNumbersKept() throws IOException {
        JsonNode manifest = new CorrectionsManifest(JSON)
                .add("review/inv-1.pdf", "invoice", json("{'invoiceNumber':'INV-1','invoiceDate':'2026-03-01',"
                        + "'total':648.86,'currency':'USD'}"))
                .add("receipts/r-1.png", "receipt", json("{'merchantName':'Corner Shop','total':4.5,"
                        + "'cardNumber':'****1234'}"))
                .json();
        Path file = folder.resolve("corrections.json");
        Files.writeString(file, manifest.toString());
        Files.createDirectories(folder.resolve("review"));
        Files.createDirectories(folder.resolve("receipts"));
        Files.writeString(folder.resolve("review/inv-1.pdf"), "%PDF");
        Files.writeString(folder.resolve("receipts/r-1.png"), "png");

        List<GroundTruth> truths = new GroundTruthReader(JSON, schemas("invoice", "receipt")).readManifest(file);

        assertThat(truths).hasSize(2);
        assertThat(truths.get(0).document()).isEqualTo(folder.resolve("review/inv-1.pdf").toAbsolutePath());
        assertThat(truths.get(0).documentClass()).isEqualTo("invoice");
        assertThat(truths.get(0).fields().get("total").decimalValue()).isEqualByComparingTo("648.86");
        assertThat(truths.get(1).fields().get("cardNumber").asText()).isEqualTo("****1234");
    }

    static Map<String, JsonNode> schemas(String... names) throws IOException {
        Map<String, JsonNode> schemas = new HashMap<>();
        for (String name : names) {
            try (InputStream in = CorrectionsManifestTest.class.getResourceAsStream("/document-classes/" + name + ".schema.json")) {
                schemas.put(name, JSON.readTree(in));
            }
        }
        return schemas;
    }
}
