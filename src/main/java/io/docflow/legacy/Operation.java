package io.docflow.legacy;

import javax.xml.namespace.QName;

/** The operations a legacy request may ask for: the element in its SOAP Body. */
public enum Operation {

    PROCESS_DOCUMENT("ProcessDocument"),
    GET_DOCUMENT_STATUS("GetDocumentStatus");

    /** The target namespace of docs/legacy/legacy.xsd. */
    public static final String NAMESPACE = "http://docflow.io/legacy/v1";

    private final QName element;

    Operation(String localName) {
        this.element = new QName(NAMESPACE, localName);
    }

    public QName element() {
        return element;
    }

    /** The operation whose request element this is, or null. */
    public static Operation of(String namespace, String localName) {
        for (Operation operation : values()) {
            if (operation.element.getNamespaceURI().equals(namespace) && operation.element.getLocalPart().equals(localName)) {
                return operation;
            }
        }
        return null;
    }
}
