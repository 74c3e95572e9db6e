package io.docflow.ingest;

/**
 * How a document reached docflow, told by where its object lies in the input bucket. docflow's own front doors
 * write under their own prefixes (HTTP uploads under {@value #HTTP_UPLOADS}, the legacy bridge under
 * {@code docflow.legacy.key-prefix}), so the S3 event of such an object names the same origin as the door's own
 * registration of the job, whichever of the two reaches the jobs table first. Any other object is known by the
 * channel that announced it.
 */
public final class SourceOrigins {

    /** Where {@code POST /api/v1/documents} stores its files in the input bucket. */
    public static final String HTTP_UPLOADS = "uploads/";
    public static final String HTTP = "http";
    public static final String LEGACY_SOAP = "legacy-soap";

    private final String legacyPrefix;

    public SourceOrigins(String legacyPrefix) {
        this.legacyPrefix = legacyPrefix;
    }

    /** The origin of the object {@code key}, announced through {@code channel} ({@code s3-notification}, ...). */
    public String of(String key, String channel) {
        if (key.startsWith(HTTP_UPLOADS)) {
            return HTTP;
        }
        if (key.startsWith(legacyPrefix)) {
            return LEGACY_SOAP;
        }
        return channel;
    }
}
