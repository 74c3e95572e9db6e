package io.docflow.legacy;

/** The two SOAP versions the bridge speaks; an answer always uses the version of its request. */
public enum SoapVersion {

    SOAP_11("1.1", "http://schemas.xmlsoap.org/soap/envelope/", "Client", "Server"),
    SOAP_12("1.2", "http://www.w3.org/2003/05/soap-envelope", "Sender", "Receiver");

    private final String label;
    private final String namespace;
    private final String senderFaultCode;
    private final String receiverFaultCode;

    SoapVersion(String label, String namespace, String senderFaultCode, String receiverFaultCode) {
        this.label = label;
        this.namespace = namespace;
        this.senderFaultCode = senderFaultCode;
        this.receiverFaultCode = receiverFaultCode;
    }

    /** {@code 1.1} or {@code 1.2}, as configured and as stored on a job item. */
    public String label() {
        return label;
    }

    public String namespace() {
        return namespace;
    }

    /** The fault code for a request that is wrong: {@code Client} (1.1) or {@code Sender} (1.2). */
    public String senderFaultCode() {
        return senderFaultCode;
    }

    /** The fault code for a failure on docflow's side: {@code Server} (1.1) or {@code Receiver} (1.2). */
    public String receiverFaultCode() {
        return receiverFaultCode;
    }

    /** The version whose envelope namespace this is, or null. */
    public static SoapVersion ofNamespace(String namespace) {
        for (SoapVersion version : values()) {
            if (version.namespace.equals(namespace)) {
                return version;
            }
        }
        return null;
    }

    public static SoapVersion ofLabel(String label) {
        for (SoapVersion version : values()) {
            if (version.label.equals(label)) {
                return version;
            }
        }
        throw new IllegalArgumentException("Unknown SOAP version '" + label + "'; expected 1.1 or 1.2");
    }
}
