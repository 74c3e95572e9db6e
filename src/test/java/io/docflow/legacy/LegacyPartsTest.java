package io.docflow.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docflow.config.DocflowProperties;
import io.docflow.config.DocflowStartupException;
import io.docflow.ingest.SourceObject;
import io.docflow.jobs.JobAttributes;
import io.docflow.jobs.JobRecord;
import io.docflow.legacy.xml.InlineDocument;
import io.docflow.legacy.xml.ProcessDocument;
import io.docflow.legacy.xml.S3Reference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The small pieces: field flattening, request fingerprints and key names, the legacy job attributes, the config. */
class LegacyPartsTest {

    private final DocflowProperties properties = LegacyConfig.properties();

    @Test
    void nestedFieldsAreFlattenedIntoPathsAndNullsLeftOut() throws Exception {
        var fields = ResultFields.flatten(new ObjectMapper().readTree("""
                {"invoiceNumber":"INV-1","total":1100.50,"paid":false,"dueDate":null,
                 "vendor":{"name":"ACME","vatId":"DE1"},
                 "lineItems":[{"description":"Paper","amount":10},{"description":"Ink","amount":2.5}]}"""));

        assertThat(fields).extracting(f -> f.getName() + "=" + f.getValue()).containsExactly(
                "invoiceNumber=INV-1", "total=1100.5", "paid=false", "vendor.name=ACME", "vendor.vatId=DE1",
                "lineItems[0].description=Paper", "lineItems[0].amount=10",
                "lineItems[1].description=Ink", "lineItems[1].amount=2.5");
    }

    @Test
    void aFingerprintIsTheSameForTheSameDocumentOnly() {
        assertThat(LegacyDocuments.fingerprint(inline("a.pdf", new byte[] {1, 2, 3})))
                .isEqualTo(LegacyDocuments.fingerprint(inline("a.pdf", new byte[] {1, 2, 3})))
                .isNotEqualTo(LegacyDocuments.fingerprint(inline("a.pdf", new byte[] {1, 2, 4})))
                .isNotEqualTo(LegacyDocuments.fingerprint(inline("b.pdf", new byte[] {1, 2, 3})));
        assertThat(LegacyDocuments.fingerprint(reference("in", "x/a.pdf", null)))
                .isEqualTo(LegacyDocuments.fingerprint(reference("in", "x/a.pdf", null)))
                .isNotEqualTo(LegacyDocuments.fingerprint(reference("in", "x/a.pdf", "v2")))
                .isNotEqualTo(LegacyDocuments.fingerprint(reference("in2", "x/a.pdf", null)));
    }

    @Test
    void theStoredFileNameIsTheInlineNameOrTheReferencedKeysLastPart() {
        assertThat(LegacyDocuments.fileName(inline("Rechnung März.pdf", new byte[] {1}))).isEqualTo("Rechnung März.pdf");
        assertThat(LegacyDocuments.fileName(reference("in", "scans/2026/scan 7.pdf", null))).isEqualTo("scan 7.pdf");
        assertThat(LegacyDocuments.fileName(reference("in", "folder/", null))).isEqualTo("document");
    }

    @Test
    void aKeyPrefixOutsideTheIngestPrefixStopsTheStart() {
        DocflowProperties outside = LegacyConfig.properties("docflow.ingest.prefix", "incoming/");
        assertThatThrownBy(() -> new LegacyDocuments(null, outside))
                .isInstanceOf(DocflowStartupException.class)
                .hasMessageContaining("docflow.legacy.key-prefix");
        new LegacyDocuments(null, LegacyConfig.properties("docflow.ingest.prefix", "incoming/",
                "docflow.legacy.key-prefix", "incoming/legacy/"));
    }

    @Test
    void aLegacyJobsResultGoesWhereItsRequestAsked() {
        JobRecord job = JobRecord.of(Map.of("jobId", AttributeValue.fromS("j-1"), "status", AttributeValue.fromS("COMPLETED"),
                JobAttributes.LEGACY_CORRELATION_ID, AttributeValue.fromS("c-1"),
                JobAttributes.LEGACY_SOAP_VERSION, AttributeValue.fromS("1.2"),
                JobAttributes.LEGACY_REPLY_QUEUE, AttributeValue.fromS("docflow-legacy-a")));

        assertThat(LegacyJobs.replyTarget(job)).isEqualTo(new ReplyTarget("docflow-legacy-a", SoapVersion.SOAP_12, "c-1", "c-1"));
    }

    @Test
    void onlyDocumentsTheBridgeStoredMayBeLegacyJobs() {
        LegacyJobs jobs = new LegacyJobs(null, null, properties);

        assertThat(jobs.mayBeLegacy(new SourceObject("docflow-input", "legacy/c-1/a.pdf", 1, "e", null, null, "legacy-soap"))).isTrue();
        assertThat(jobs.mayBeLegacy(new SourceObject("docflow-input", "invoices/a.pdf", 1, "e", null, null, "s3"))).isFalse();
        assertThat(jobs.mayBeLegacy(new SourceObject("other", "legacy/c-1/a.pdf", 1, "e", null, null, "s3"))).isFalse();
    }

    @Test
    void theDefaultsKeepAnInlineRequestWithinOneSqsMessage() {
        var legacy = properties.legacy();
        long base64 = (legacy.maxInlineContentSize().toBytes() + 2) / 3 * 4;
        assertThat(legacy.maxMessageSize().toBytes()).isEqualTo(256 * 1024);
        assertThat(legacy.maxMessageSize().toBytes() - base64).as("room left for the envelope").isGreaterThan(4 * 1024);
        assertThatThrownBy(() -> LegacyConfig.properties("docflow.legacy.reply-queue-pattern", "(unclosed"))
                .hasRootCauseInstanceOf(java.util.regex.PatternSyntaxException.class);
    }

    private static ProcessDocument inline(String name, byte[] content) {
        InlineDocument inline = new InlineDocument();
        inline.setFileName(name);
        inline.setContent(content);
        ProcessDocument document = new ProcessDocument();
        document.setCorrelationId("c");
        document.setInlineDocument(inline);
        return document;
    }

    private static ProcessDocument reference(String bucket, String key, String version) {
        S3Reference reference = new S3Reference();
        reference.setBucket(bucket);
        reference.setKey(key);
        reference.setVersionId(version);
        ProcessDocument document = new ProcessDocument();
        document.setCorrelationId("c");
        document.setS3Reference(reference);
        return document;
    }
}
