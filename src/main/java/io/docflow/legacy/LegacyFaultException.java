package io.docflow.legacy;

import io.docflow.legacy.xml.FaultCode;

/**
 * A legacy request docflow refuses, answered with a SOAP fault: the code (the fault detail), a reason in words, and
 * what is known of the request so far, so the fault goes where answers to it would go. No stack trace: this is an
 * answer, not a bug.
 */
public final class LegacyFaultException extends RuntimeException {

    private final FaultCode code;
    private final transient RequestContext context;
    private final String jobId;

    private LegacyFaultException(FaultCode code, String reason, RequestContext context, String jobId, Throwable cause) {
        super(reason, cause, false, false);
        this.code = code;
        this.context = context;
        this.jobId = jobId;
    }

    public static LegacyFaultException of(FaultCode code, String reason, RequestContext context) {
        return new LegacyFaultException(code, reason, context, null, null);
    }

    public static LegacyFaultException of(FaultCode code, String reason, RequestContext context, String jobId) {
        return new LegacyFaultException(code, reason, context, jobId, null);
    }

    /** A failure on docflow's side; the cause is logged, never sent. */
    public static LegacyFaultException internal(String reason, RequestContext context, Throwable cause) {
        return new LegacyFaultException(FaultCode.INTERNAL_ERROR, reason, context, null, cause);
    }

    public FaultCode code() {
        return code;
    }

    /** What is known of the request: at least the SOAP version to answer in and the SQS message id. */
    public RequestContext context() {
        return context;
    }

    /** The job the fault is about, if any. */
    public String jobId() {
        return jobId;
    }
}
