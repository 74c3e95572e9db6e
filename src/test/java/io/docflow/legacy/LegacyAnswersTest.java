package io.docflow.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.transform.dom.DOMSource;

import io.docflow.ingest.SourceObject;
import io.docflow.jobs.JobAttributes;
import io.docflow.jobs.JobRecord;
import io.docflow.legacy.xml.FaultCode;
import io.docflow.legacy.xml.Field;
import org.apache.camel.language.bean.RuntimeBeanExpressionException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Building answers and faults: SOAP 1.1 and 1.2 structure, WS-Addressing, and bodies that match the schema. */
class LegacyAnswersTest {

    private static final String JOB_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private final List<Field> fields = new ArrayList<>(List.of(field("invoiceNumber", "INV-1"), field("total", "1100.00")));
    private final ResultFields resultFields = new ResultFields(null, null, LegacyConfig.properties()) {
        @Override
        public List<Field> of(String jobId) {
            return fields;
        }
    };
    private final SoapWriter writer = new SoapWriter(LegacyConfig.CONTRACT);
    private final LegacyAnswers answers = new LegacyAnswers(writer, resultFields, LegacyConfig.properties());
    private final SoapRequestReader reader = LegacyConfig.reader();

    @Test
    void anAcknowledgementCarriesTheJobAndRelatesToTheCorrelationId() throws Exception {
        LegacyRequest request = reader.read(Soap.envelope("1.2", "docflow-legacy-a",
                Soap.processInline("c-1", null, "a.pdf", new byte[] {1, 2})), "sqs-1");
        SourceObject source = new SourceObject("docflow-input", "legacy/c-1/a.pdf", 2, "\"e1\"", null, null, "legacy-soap");

        LegacyAnswer answer = answers.acknowledgement(request, new StoredDocument(source, false),
                JobRecord.of(Map.of("status", AttributeValue.fromS("QUEUED"))));

        assertThat(answer.target().queue()).isEqualTo("docflow-legacy-a");
        Soap.Answer ack = Soap.Answer.of(answer.xml());
        assertThat(ack.envelopeNamespace()).isEqualTo(Soap.SOAP_12);
        assertThat(ack.header("Action")).isEqualTo("http://docflow.io/legacy/v1/ProcessDocumentAcknowledgement");
        assertThat(ack.header("RelatesTo")).isEqualTo("c-1");
        assertThat(ack.header("MessageID")).startsWith("urn:uuid:");
        assertThat(ack.get("JobId")).isEqualTo(source.jobId());
        assertThat(ack.get("Status")).isEqualTo("QUEUED");
        assertThat(ack.get("Duplicate")).isEqualTo("false");
        assertThat(ack.get("DocumentLocation")).isEqualTo("s3://docflow-input/legacy/c-1/a.pdf");
        assertValidBody(answer.xml());
    }

    @Test
    void aResultCarriesClassConfidenceFieldsAndLocation() throws Exception {
        ReplyTarget target = new ReplyTarget(null, SoapVersion.SOAP_11, "c-2", "c-2");
        LegacyAnswer answer = answers.result(target, JobRecord.of(finishedItem("COMPLETED")));

        Soap.Answer result = Soap.Answer.of(answer.xml());
        assertThat(result.envelopeNamespace()).isEqualTo(Soap.SOAP_11);
        assertThat(result.kind()).isEqualTo("ProcessDocumentResult");
        assertThat(result.get("Status")).isEqualTo("COMPLETED");
        assertThat(result.get("DocumentClass")).isEqualTo("invoice");
        assertThat(result.get("Confidence")).isEqualTo("0.93");
        assertThat(result.field("invoiceNumber")).isEqualTo("INV-1");
        assertThat(result.get("ResultLocation")).isEqualTo("s3://docflow-results/results/" + JOB_ID + ".json");
        assertThat(result.get("SubmittedAt")).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(result.get("FieldsOmitted")).isNull();
        assertValidBody(answer.xml());
    }

    @Test
    void aFailedJobIsAResultWithItsReasonNotAFault() throws Exception {
        Map<String, AttributeValue> item = finishedItem("FAILED");
        item.remove("documentClass");
        item.remove("confidence");
        item.put("reason", AttributeValue.fromS("NO_TEXT"));
        item.put("error", AttributeValue.fromS("No text could be extracted"));

        Soap.Answer result = Soap.Answer.of(answers.result(new ReplyTarget(null, SoapVersion.SOAP_12, "c-3", "c-3"), JobRecord.of(item)).xml());
        assertThat(result.isFault()).isFalse();
        assertThat(result.get("Status")).isEqualTo("FAILED");
        assertThat(result.get("FailureReason")).isEqualTo("NO_TEXT");
        assertThat(result.fields()).isEmpty();
        assertValidBody(result.xml());
    }

    @Test
    void fieldsThatWouldNotFitIntoOneSqsMessageAreOmitted() {
        for (int i = 0; i < 200; i++) {
            fields.add(field("lineItems[" + i + "].description", "x".repeat(40)));
        }
        LegacyAnswers small = new LegacyAnswers(writer, resultFields, LegacyConfig.properties("docflow.legacy.max-message-size", "4KB"));
        LegacyAnswer answer = small.result(new ReplyTarget(null, SoapVersion.SOAP_11, "c-4", "c-4"), JobRecord.of(finishedItem("COMPLETED")));

        Soap.Answer result = Soap.Answer.of(answer.xml());
        assertThat(result.fields()).isEmpty();
        assertThat(result.get("FieldsOmitted")).isEqualTo("true");
        assertThat(result.get("ResultLocation")).isNotNull();
    }

    @Test
    void aStatusForAnUnknownJobIdIsAFaultButACorrelationIdWithADocumentIsQueued() {
        LegacyRequest byJob = reader.read(Soap.envelope("1.1", null, Soap.statusByJobId(JOB_ID, null)), "m");
        LegacyFaultException unknown = catchThrowableOfType(LegacyFaultException.class, () -> answers.status(byJob, JOB_ID, null));
        assertThat(unknown.code()).isEqualTo(FaultCode.UNKNOWN_JOB);

        LegacyRequest byCorrelation = reader.read(Soap.envelope("1.1", null, Soap.statusByCorrelationId("c-5", null)), "m");
        Soap.Answer status = Soap.Answer.of(answers.status(byCorrelation, JOB_ID, null).xml());
        assertThat(status.get("Status")).isEqualTo("QUEUED");
        assertThat(status.get("CorrelationId")).isEqualTo("c-5");
    }

    @Test
    void aSoap11FaultHasFaultcodeFaultstringAndDetail() throws Exception {
        LegacyFaultException refusal = LegacyFaultException.of(FaultCode.SCHEMA_INVALID, "bad request",
                new RequestContext(SoapVersion.SOAP_11, "sqs-6", null, "c-6", "docflow-legacy-z"));
        // Camel hands the fault over wrapped, as a bean call from an expression throws it
        LegacyAnswer answer = answers.fault(new RuntimeBeanExpressionException(null, "legacyRequests", "read", refusal), null, "sqs-6");

        assertThat(answer.target()).isEqualTo(new ReplyTarget("docflow-legacy-z", SoapVersion.SOAP_11, "c-6", "c-6"));
        assertThat(answer.detail()).isEqualTo("SCHEMA_INVALID: bad request");
        Soap.Answer fault = Soap.Answer.of(answer.xml());
        assertThat(fault.isFault()).isTrue();
        assertThat(fault.header("Action")).isEqualTo("http://docflow.io/legacy/v1/Fault");
        assertThat(fault.header("RelatesTo")).isEqualTo("c-6");
        assertThat(fault.faultCode()).isEqualTo("soap:Client");
        assertThat(fault.faultReason()).isEqualTo("bad request");
        assertThat(fault.get("Code")).isEqualTo("SCHEMA_INVALID");
        assertThat(fault.get("CorrelationId")).isEqualTo("c-6");
        assertThat(fault.get("RequestMessageId")).isEqualTo("sqs-6");
        assertThat(fault.xml()).contains("<faultcode>soap:Client</faultcode>").contains("<detail>");
        assertValidFaultDetail(answer.xml());
    }

    @Test
    void aSoap12FaultHasCodeReasonAndDetail() throws Exception {
        LegacyFaultException refusal = LegacyFaultException.of(FaultCode.UNKNOWN_OPERATION, "no such operation",
                new RequestContext(SoapVersion.SOAP_12, "sqs-7", "urn:uuid:1", null, null));
        Soap.Answer fault = Soap.Answer.of(answers.fault(refusal, null, "sqs-7").xml());

        assertThat(fault.envelopeNamespace()).isEqualTo(Soap.SOAP_12);
        assertThat(fault.faultCode()).isEqualTo("soap:Sender");
        assertThat(fault.faultReason()).isEqualTo("no such operation");
        assertThat(fault.xml()).contains("<soap:Text xml:lang=\"en\">no such operation</soap:Text>").contains("<soap:Detail>");
        // no correlation id: RelatesTo is the request's MessageID
        assertThat(fault.header("RelatesTo")).isEqualTo("urn:uuid:1");
        assertValidFaultDetail(fault.xml());
    }

    @Test
    void soapFaultCodesFollowTheProblemAndTheVersion() {
        assertThat(SoapWriter.soapFaultCode(FaultCode.MALFORMED_XML, SoapVersion.SOAP_11)).isEqualTo("Client");
        assertThat(SoapWriter.soapFaultCode(FaultCode.MALFORMED_XML, SoapVersion.SOAP_12)).isEqualTo("Sender");
        assertThat(SoapWriter.soapFaultCode(FaultCode.INTERNAL_ERROR, SoapVersion.SOAP_11)).isEqualTo("Server");
        assertThat(SoapWriter.soapFaultCode(FaultCode.INTERNAL_ERROR, SoapVersion.SOAP_12)).isEqualTo("Receiver");
        assertThat(SoapWriter.soapFaultCode(FaultCode.VERSION_MISMATCH, SoapVersion.SOAP_12)).isEqualTo("VersionMismatch");
        assertThat(SoapWriter.soapFaultCode(FaultCode.MUST_UNDERSTAND, SoapVersion.SOAP_11)).isEqualTo("MustUnderstand");
    }

    @Test
    void anUnexpectedFailureIsAServerFaultThatKeepsItsDetailsToItself() {
        LegacyRequest request = reader.read(Soap.envelope("1.2", null, Soap.statusByCorrelationId("c-8", null)), "sqs-8");
        LegacyAnswer answer = answers.fault(new IllegalStateException("table docflow-jobs on 10.0.0.7 is gone"), request, "sqs-8");

        Soap.Answer fault = Soap.Answer.of(answer.xml());
        assertThat(fault.faultCode()).isEqualTo("soap:Receiver");
        assertThat(fault.get("Code")).isEqualTo("INTERNAL_ERROR");
        assertThat(fault.faultReason()).isEqualTo(LegacyAnswers.INTERNAL_ERROR_REASON);
        assertThat(fault.xml()).doesNotContain("10.0.0.7");
        assertThat(fault.header("RelatesTo")).isEqualTo("c-8");

        Soap.Answer unread = Soap.Answer.of(answers.fault(new IllegalStateException("boom"), null, "sqs-9").xml());
        assertThat(unread.envelopeNamespace()).isEqualTo(Soap.SOAP_11);
        assertThat(unread.header("RelatesTo")).isEqualTo("sqs-9");
    }

    private Map<String, AttributeValue> finishedItem(String status) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("jobId", AttributeValue.fromS(JOB_ID));
        item.put("status", AttributeValue.fromS(status));
        item.put("documentClass", AttributeValue.fromS("invoice"));
        item.put("confidence", AttributeValue.fromN("0.93"));
        item.put("resultLocation", AttributeValue.fromS("s3://docflow-results/results/" + JOB_ID + ".json"));
        item.put("createdAt", AttributeValue.fromS("2026-03-01T10:00:00Z"));
        item.put("finishedAt", AttributeValue.fromS("2026-03-01T10:00:05.123Z"));
        item.put(JobAttributes.LEGACY_CORRELATION_ID, AttributeValue.fromS("c-2"));
        return item;
    }

    /** The Body's element is valid against legacy/legacy.xsd: what docflow sends, it also publishes. */
    private static void assertValidBody(String xml) throws Exception {
        Element envelope = SafeXml.parse(xml).getDocumentElement();
        Element body = lastElement(envelope);
        SafeXml.validator(LegacyConfig.CONTRACT.schema(), null).validate(new DOMSource(firstElement(body)));
    }

    private static void assertValidFaultDetail(String xml) throws Exception {
        var detail = SafeXml.parse(xml).getElementsByTagNameNS(Soap.DL, "LegacyFault").item(0);
        SafeXml.validator(LegacyConfig.CONTRACT.schema(), null).validate(new DOMSource(detail));
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("no element in " + parent.getNodeName());
    }

    private static Element lastElement(Element parent) {
        Element last = null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                last = e;
            }
        }
        return last;
    }

    private static Field field(String name, String value) {
        Field field = new Field();
        field.setName(name);
        field.setValue(value);
        return field;
    }
}
