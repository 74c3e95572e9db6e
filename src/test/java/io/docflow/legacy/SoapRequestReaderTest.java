package io.docflow.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import io.docflow.legacy.xml.FaultCode;
import org.junit.jupiter.api.Test;

/** Reading requests: the SOAP mapping, and every refusal with its code, reason and what it still knows. */
class SoapRequestReaderTest {

    private final SoapRequestReader reader = LegacyConfig.reader();

    @Test
    void readsASoap11ProcessDocumentWithWsAddressing() {
        String xml = Soap.envelope("1.1", "docflow-legacy-billing",
                Soap.processInline("inv-2026-0001", null, "invoice.pdf", "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII)));

        LegacyRequest request = reader.read(xml, "sqs-1");

        assertThat(request.operation()).isEqualTo(Operation.PROCESS_DOCUMENT);
        assertThat(request.version()).isEqualTo(SoapVersion.SOAP_11);
        assertThat(request.correlationId()).isEqualTo("inv-2026-0001");
        assertThat(request.context().replyQueue()).isEqualTo("docflow-legacy-billing");
        assertThat(request.context().wsaMessageId()).startsWith("urn:uuid:");
        assertThat(request.context().sqsMessageId()).isEqualTo("sqs-1");
        assertThat(request.processDocument().getInlineDocument().getFileName()).isEqualTo("invoice.pdf");
        assertThat(new String(request.processDocument().getInlineDocument().getContent(), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-1.7 ...");
        assertThat(request.replyTarget()).isEqualTo(new ReplyTarget("docflow-legacy-billing", SoapVersion.SOAP_11,
                "inv-2026-0001", "inv-2026-0001"));
    }

    @Test
    void readsASoap12GetDocumentStatusByJobId() {
        String jobId = "0f8fad5b-d9cb-469f-a165-70867728950e";
        LegacyRequest request = reader.read(Soap.envelope("1.2", null, Soap.statusByJobId(jobId, null)), "sqs-2");

        assertThat(request.operation()).isEqualTo(Operation.GET_DOCUMENT_STATUS);
        assertThat(request.version()).isEqualTo(SoapVersion.SOAP_12);
        assertThat(request.getDocumentStatus().getJobId()).isEqualTo(jobId);
        assertThat(request.correlationId()).isNull();
        assertThat(request.context().replyQueue()).isNull();
        // no correlation id and no MessageID: answers relate to the SQS message
        assertThat(request.replyTarget().relatesTo()).isEqualTo("sqs-2");
    }

    @Test
    void theReplyQueueElementWinsOverWsAddressingAndAnonymousMeansTheDefault() {
        LegacyRequest both = reader.read(Soap.envelope("1.1", "docflow-legacy-a",
                Soap.statusByCorrelationId("c-1", "docflow-legacy-b")), "m");
        assertThat(both.context().replyQueue()).isEqualTo("docflow-legacy-b");

        LegacyRequest anonymous = reader.read(Soap.envelope("1.2", "http://www.w3.org/2005/08/addressing/anonymous",
                Soap.statusByCorrelationId("c-1", null)), "m");
        assertThat(anonymous.context().replyQueue()).isNull();
    }

    @Test
    void aRequestBeyondTheSizeLimitIsRefusedUnparsed() {
        SoapRequestReader small = LegacyConfig.reader("docflow.legacy.max-message-size", "1KB");
        LegacyFaultException fault = refused(small, "<" + "x".repeat(2000));
        assertThat(fault.code()).isEqualTo(FaultCode.MESSAGE_TOO_LARGE);
        assertThat(fault.getMessage()).contains("2001 bytes").contains("1024");
    }

    @Test
    void malformedXmlSaysWhere() {
        LegacyFaultException fault = refused(reader, "<soap:Envelope xmlns:soap=\"" + Soap.SOAP_12 + "\">\n<soap:Body>");
        assertThat(fault.code()).isEqualTo(FaultCode.MALFORMED_XML);
        assertThat(fault.getMessage()).contains("line 2");
        // the version could not be read: faults use the configured default
        assertThat(fault.context().version()).isEqualTo(SoapVersion.SOAP_11);
        assertThat(refused(reader, "").code()).isEqualTo(FaultCode.MALFORMED_XML);
    }

    @Test
    void aDoctypeIsRefusedWithoutEchoingIt() {
        LegacyFaultException fault = refused(reader, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"" + Soap.SOAP_11 + "\"><soap:Body>&e;</soap:Body></soap:Envelope>");
        assertThat(fault.code()).isEqualTo(FaultCode.DTD_NOT_ALLOWED);
        assertThat(fault.getMessage()).doesNotContain("passwd");
    }

    @Test
    void somethingOtherThanAnEnvelopeIsRefused() {
        assertThat(refused(reader, "<ProcessDocument xmlns=\"" + Soap.DL + "\"/>").code()).isEqualTo(FaultCode.NOT_A_SOAP_ENVELOPE);
        assertThat(refused(reader, "<soap:Envelope xmlns:soap=\"" + Soap.SOAP_11 + "\"/>").getMessage())
                .contains("optional Header and a Body").contains("nothing");
        assertThat(refused(reader, Soap.envelope("1.1", null, "<dl:GetDocumentStatus><dl:CorrelationId>a</dl:CorrelationId>"
                + "</dl:GetDocumentStatus><dl:GetDocumentStatus><dl:CorrelationId>b</dl:CorrelationId></dl:GetDocumentStatus>")).getMessage())
                .contains("exactly one element");
        assertThat(refused(reader, Soap.envelope("1.1", null, "just text")).code()).isEqualTo(FaultCode.NOT_A_SOAP_ENVELOPE);
    }

    @Test
    void anUnknownEnvelopeNamespaceIsAVersionMismatch() {
        LegacyFaultException fault = refused(reader, "<soap:Envelope xmlns:soap=\"urn:soap:2.0\"><soap:Body/></soap:Envelope>");
        assertThat(fault.code()).isEqualTo(FaultCode.VERSION_MISMATCH);
        assertThat(fault.getMessage()).contains("urn:soap:2.0");
    }

    @Test
    void aMustUnderstandHeaderDocflowDoesNotKnowIsRefusedUnlessItIsForSomeoneElse() {
        String body = Soap.statusByCorrelationId("c-2", null);
        String security = "<soap:Header><sec:Security xmlns:sec=\"urn:sec\" soap:mustUnderstand=\"%s\"%s/></soap:Header>";
        String mustUnderstand = Soap.envelope("1.1", null, body).replace("<soap:Body>", security.formatted("1", "") + "<soap:Body>");
        LegacyFaultException fault = refused(reader, mustUnderstand);
        assertThat(fault.code()).isEqualTo(FaultCode.MUST_UNDERSTAND);
        assertThat(fault.getMessage()).contains("{urn:sec}Security");

        String otherActor = Soap.envelope("1.1", null, body).replace("<soap:Body>",
                security.formatted("1", " soap:actor=\"urn:gateway\"") + "<soap:Body>");
        assertThat(reader.read(otherActor, "m").correlationId()).isEqualTo("c-2");
        String optional = Soap.envelope("1.2", null, body).replace("<soap:Body>", security.formatted("false", "") + "<soap:Body>");
        assertThat(reader.read(optional, "m").correlationId()).isEqualTo("c-2");
    }

    @Test
    void anUnknownOperationIsNamed() {
        LegacyFaultException fault = refused(reader, Soap.envelope("1.2", null,
                "<dl:CancelDocument><dl:CorrelationId>c-3</dl:CorrelationId></dl:CancelDocument>"));
        assertThat(fault.code()).isEqualTo(FaultCode.UNKNOWN_OPERATION);
        assertThat(fault.getMessage()).contains("{" + Soap.DL + "}CancelDocument");
        assertThat(fault.context().version()).isEqualTo(SoapVersion.SOAP_12);
        assertThat(fault.context().correlationId()).isEqualTo("c-3");
    }

    @Test
    void aSchemaInvalidRequestSaysWhatTheSchemaExpectsAndKeepsWhereToAnswer() {
        LegacyFaultException fault = refused(reader, Soap.envelope("1.2", "docflow-legacy-x",
                "<dl:ProcessDocument><dl:CorrelationId>c-4</dl:CorrelationId><dl:Surprise/></dl:ProcessDocument>"));
        assertThat(fault.code()).isEqualTo(FaultCode.SCHEMA_INVALID);
        assertThat(fault.getMessage()).contains("Surprise").contains("legacy.xsd");
        assertThat(fault.context().replyTarget()).isEqualTo(new ReplyTarget("docflow-legacy-x", SoapVersion.SOAP_12, "c-4", "c-4"));

        LegacyFaultException badId = refused(reader, Soap.envelope("1.1", null, Soap.statusByCorrelationId("has space", null)));
        assertThat(badId.code()).isEqualTo(FaultCode.SCHEMA_INVALID);
        // an invalid correlation id is not used for anything, not even RelatesTo
        assertThat(badId.context().correlationId()).isNull();
    }

    @Test
    void aValidatorMessageQuotingAHugeOrMultiLineValueIsCutToOneShortLine() {
        String content = "!not base64!\n2026-01-01 ERROR forged log line " + "A".repeat(100_000);
        LegacyFaultException fault = refused(reader, Soap.envelope("1.1", null,
                Soap.processInline("c-9", null, "a.pdf", new byte[] {1})).replaceFirst("<dl:Content>[^<]*</dl:Content>",
                "<dl:Content>" + content + "</dl:Content>"));
        assertThat(fault.code()).isEqualTo(FaultCode.SCHEMA_INVALID);
        assertThat(fault.getMessage()).hasSizeLessThan(1200).doesNotContain("\n");
    }

    @Test
    void aSchemaLocationInTheRequestIsNeverLoaded() {
        String xml = Soap.envelope("1.1", null, Soap.statusByCorrelationId("c-5", null)).replace("<dl:GetDocumentStatus>",
                "<dl:GetDocumentStatus xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:schemaLocation=\"" + Soap.DL + " http://127.0.0.1:9/evil.xsd\">");
        assertThat(reader.read(xml, "m").correlationId()).isEqualTo("c-5");
    }

    @Test
    void aReplyQueueOutsideThePatternOrTheRequestsQueueIsRefusedAndTheFaultGoesToTheDefault() {
        for (String queue : new String[] {"billing-replies", "https://sqs.eu-west-1.amazonaws.com/1/docflow-legacy-x",
                "docflow-legacy-requests"}) {
            LegacyFaultException fault = refused(reader, Soap.envelope("1.1", queue, Soap.statusByCorrelationId("c-6", null)));
            assertThat(fault.code()).as(queue).isEqualTo(FaultCode.REPLY_QUEUE_NOT_ALLOWED);
            assertThat(fault.context().replyQueue()).as(queue).isNull();
            assertThat(fault.context().correlationId()).isEqualTo("c-6");
        }
        SoapRequestReader custom = LegacyConfig.reader("docflow.legacy.reply-queue-pattern", "billing-.*");
        assertThat(custom.read(Soap.envelope("1.1", "billing-replies", Soap.statusByCorrelationId("c-6", null)), "m")
                .context().replyQueue()).isEqualTo("billing-replies");
    }

    @Test
    void inlineContentBeyondTheLimitIsRefusedWithTheLimit() {
        SoapRequestReader small = LegacyConfig.reader("docflow.legacy.max-inline-content-size", "1KB");
        LegacyFaultException fault = refused(small, Soap.envelope("1.1", null,
                Soap.processInline("c-7", null, "big.pdf", new byte[1025])));
        assertThat(fault.code()).isEqualTo(FaultCode.INLINE_CONTENT_TOO_LARGE);
        assertThat(fault.getMessage()).contains("1025 bytes").contains("at most 1024").contains("S3Reference");
        assertThat(small.read(Soap.envelope("1.1", null, Soap.processInline("c-7", null, "ok.pdf", new byte[1024])), "m")
                .processDocument().getInlineDocument().getContent()).hasSize(1024);
    }

    private static LegacyFaultException refused(SoapRequestReader reader, String xml) {
        LegacyFaultException fault = catchThrowableOfType(LegacyFaultException.class, () -> reader.read(xml, "sqs-x"));
        assertThat(fault).as("refused").isNotNull();
        assertThat(fault.context().sqsMessageId()).isEqualTo("sqs-x");
        return fault;
    }
}
