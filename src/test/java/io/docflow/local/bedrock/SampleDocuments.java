package io.docflow.local.bedrock;

/** Document texts and prompts in docflow's tag contract, shared by the local Bedrock's tests. */
final class SampleDocuments {

    static final String INVOICE = """
            ACME Supplies Ltd
            12 High Street, London

            INVOICE
            Invoice Number: INV-2026-0042
            Invoice Date: 01/03/2026
            Due Date: March 31, 2026
            Bill To: Globex Corporation

            Description            Qty   Unit Price   Amount
            Widget A               2     $10.00       $20.00
            Consulting services    3     $150.00      $450.00

            Subtotal: $470.00
            VAT (20%): $94.00
            Total: $564.00
            Amount due: $564.00
            """;

    static final String RECEIPT = """
            CORNER STORE
            Receipt #5531
            Cashier: Dana
            Milk 1 $1.99
            Bread 2 $5.00
            SUBTOTAL 6.99
            TOTAL 6.99
            CASH 10.00
            CHANGE 3.01
            Thank you for your purchase!
            """;

    static final String CLASSES = """
            invoice: a bill that asks for payment
            receipt: proof of a payment already made
            contract: a legal agreement between parties
            other: anything else
            """;

    static final String INVOICE_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "invoiceNumber": {"type": "string"},
                "invoiceDate": {"type": "string", "format": "date"},
                "total": {"type": "number"},
                "currency": {"type": "string"}
              },
              "required": ["invoiceNumber", "total"]
            }
            """;

    private SampleDocuments() {
    }

    static String classifyPrompt(String document) {
        return "Classify the document.\n<task>classify</task>\n<classes>\n" + CLASSES + "</classes>\n<document>\n"
                + document + "</document>\n";
    }

    static String extractPrompt(String documentClass, String schema, String document) {
        return "Extract the fields.\n<task>extract</task>\n<class>" + documentClass + "</class>\n<schema>\n" + schema
                + "</schema>\n<document>\n" + document + "</document>\n";
    }
}
