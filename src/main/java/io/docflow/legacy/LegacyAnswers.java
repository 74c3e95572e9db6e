package io.docflow.legacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import io.docflow.config.DocflowProperties;
import io.docflow.jobs.JobRecord;
import io.docflow.jobs.JobStatus;
import io.docflow.legacy.xml.DocumentStatus;
import io.docflow.legacy.xml.FaultCode;
import io.docflow.legacy.xml.Field;
import io.docflow.legacy.xml.LegacyFault;
import io.docflow.legacy.xml.ObjectFactory;
import io.docflow.legacy.xml.ProcessDocumentAcknowledgement;
import org.springframework.stereotype.Component;

/**
 * The answers to legacy requests, from a request and its job as the jobs table holds it, called by name from
 * routes/legacy.camel.yaml: the acknowledgement, the final result, the status, and faults.
 */
@Component("legacyAnswers")
public class LegacyAnswers {

    static final String INTERNAL_ERROR_REASON = "docflow could not process the request because of a problem on its side; "
            + "sending the same request again later is safe";

    private static final ObjectFactory TYPES = new ObjectFactory();

    private final SoapWriter writer;
    private final ResultFields resultFields;
    private final long maxMessageBytes;
    private final SoapVersion defaultVersion;
    private final DatatypeFactory datatypes;

    public LegacyAnswers(SoapWriter writer, ResultFields resultFields, DocflowProperties properties) {
        this.writer = writer;
        this.resultFields = resultFields;
        this.maxMessageBytes = properties.legacy().maxMessageSize().toBytes();
        this.defaultVersion = SoapVersion.ofLabel(properties.legacy().defaultSoapVersion());
        this.datatypes = DatatypeFactory.newDefaultInstance();
    }

    /** The answer to ProcessDocument as soon as the document is stored and its job registered. */
    public LegacyAnswer acknowledgement(LegacyRequest request, StoredDocument stored, JobRecord job) {
        ProcessDocumentAcknowledgement ack = TYPES.createProcessDocumentAcknowledgement();
        ack.setCorrelationId(request.correlationId());
        ack.setJobId((stored.source()).jobId());
        ack.setStatus(status(job));
        ack.setDuplicate(stored.duplicate());
        ack.setDocumentLocation(stored.location());
        String kind = "ProcessDocumentAcknowledgement";
        return new LegacyAnswer(request.replyTarget(), kind, writer.answer(request.replyTarget(), kind, ack));
    }

    /** The ProcessDocumentResult of a job in its final status. */
    public LegacyAnswer result(ReplyTarget target, JobRecord job) {
        return documentStatus("ProcessDocumentResult", target, job.jobId(), job, TYPES::createProcessDocumentResult);
    }

    /**
     * The answer to GetDocumentStatus. A job that has no item yet, but whose document the correlation id names, is
     * QUEUED: its S3 event is on the way.
     */
    public LegacyAnswer status(LegacyRequest request, String jobId, JobRecord job) {
        if (job == null && request.getDocumentStatus().getJobId() != null) {
            throw LegacyFaultException.of(FaultCode.UNKNOWN_JOB, "There is no job " + jobId, request.context(), jobId);
        }
        return documentStatus("GetDocumentStatusResponse", request.replyTarget(), jobId, job,
                TYPES::createGetDocumentStatusResponse);
    }

    /**
     * The fault for what went wrong with a request: a {@link LegacyFaultException} says it, anything else is an
     * internal error whose details stay in the log. {@code request} is null when the request could not be read.
     */
    public LegacyAnswer fault(Exception exception, LegacyRequest request, String sqsMessageId) {
        RequestContext context;
        LegacyFault detail = TYPES.createLegacyFault();
        LegacyFaultException fault = refusal(exception);
        if (fault != null) {
            context = fault.context();
            detail.setCode(fault.code());
            detail.setMessage(fault.getMessage());
            detail.setJobId(fault.jobId());
        } else {
            context = request != null ? request.context() : RequestContext.unread(defaultVersion, sqsMessageId);
            detail.setCode(FaultCode.INTERNAL_ERROR);
            detail.setMessage(INTERNAL_ERROR_REASON);
        }
        if (context == null) {
            context = RequestContext.unread(defaultVersion, sqsMessageId);
        }
        detail.setCorrelationId(context.correlationId());
        detail.setRequestMessageId(context.sqsMessageId() != null ? context.sqsMessageId() : sqsMessageId);
        ReplyTarget target = context.replyTarget();
        return new LegacyAnswer(target, "Fault", writer.fault(target, detail), detail.getCode() + ": " + detail.getMessage());
    }

    /** The refusal among the causes: Camel wraps what a bean throws from an expression. */
    static LegacyFaultException refusal(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof LegacyFaultException fault) {
                return fault;
            }
        }
        return null;
    }

    /** {@code job} is null for a job whose document is stored but whose S3 event has not registered it yet. */
    private LegacyAnswer documentStatus(String kind, ReplyTarget target, String jobId, JobRecord job,
                                        Function<DocumentStatus, Object> element) {
        DocumentStatus status = TYPES.createDocumentStatus();
        String correlationId = target.correlationId() != null ? target.correlationId()
                : job != null && job.legacy() != null ? job.legacy().correlationId() : null;
        status.setCorrelationId(correlationId);
        status.setJobId(jobId);
        status.setStatus(status(job));
        if (job != null) {
            status.setDocumentClass(job.documentClass());
            status.setConfidence(job.confidence());
            status.setResultLocation(job.resultLocation());
            status.setFailureReason(job.reason());
            status.setFailureMessage(job.error());
            status.setSubmittedAt(dateTime(job.createdAt()));
            status.setFinishedAt(dateTime(job.finishedAt()));
        }
        if (status.getResultLocation() != null && status.getStatus() != io.docflow.legacy.xml.JobStatus.FAILED) {
            List<Field> fields = resultFields.of(jobId);
            if (fields == null) {
                status.setFieldsOmitted(true);
            } else {
                DocumentStatus.Fields list = TYPES.createDocumentStatusFields();
                list.getField().addAll(fields);
                status.setFields(list);
            }
        }
        String xml = writer.answer(target, kind, element.apply(status));
        if (xml.getBytes(StandardCharsets.UTF_8).length > maxMessageBytes && status.getFields() != null) {
            // the fields stay in the result document; the answer must fit into one SQS message
            status.setFields(null);
            status.setFieldsOmitted(true);
            xml = writer.answer(target, kind, element.apply(status));
        }
        return new LegacyAnswer(target, kind, xml);
    }

    private static io.docflow.legacy.xml.JobStatus status(JobRecord job) {
        return io.docflow.legacy.xml.JobStatus.fromValue(job == null ? JobStatus.QUEUED.name() : job.status().name());
    }

    private XMLGregorianCalendar dateTime(String instant) {
        return instant == null ? null : datatypes.newXMLGregorianCalendar(instant);
    }
}
