package io.docflow.local.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.docflow.local.bedrock.KeywordClassifier.Classification;
import io.docflow.local.bedrock.KeywordClassifier.DocumentClass;
import org.junit.jupiter.api.Test;

class KeywordClassifierTest {

    private final KeywordClassifier classifier = new KeywordClassifier();
    private final List<DocumentClass> classes = KeywordClassifier.parseClasses(SampleDocuments.CLASSES);

    @Test
    void readsOneClassPerLineAsNameAndDescription() {
        assertThat(KeywordClassifier.parseClasses("- invoice: a bill\n\n* purchase_order\n"))
                .containsExactly(new DocumentClass("invoice", "a bill"), new DocumentClass("purchase_order", ""));
    }

    @Test
    void anInvoiceIsAnInvoiceWithHighConfidenceAndTheEvidenceNamed() {
        Classification c = classifier.classify(classes, SampleDocuments.INVOICE);

        assertThat(c.documentClass()).isEqualTo("invoice");
        assertThat(c.confidence()).isEqualTo(0.99);
        assertThat(c.reason()).contains("'invoice'", "'invoice number'");
    }

    @Test
    void aReceiptIsAReceipt() {
        assertThat(classifier.classify(classes, SampleDocuments.RECEIPT).documentClass()).isEqualTo("receipt");
    }

    @Test
    void confidenceGrowsByATenthPerKeywordFound() {
        assertThat(classifier.classify(classes, "This agreement is made between the parties.").confidence())
                .isEqualTo(0.7);
        assertThat(classifier.classify(classes, "This agreement is made between the parties hereby.").confidence())
                .isEqualTo(0.8);
    }

    @Test
    void keywordsMatchWholeWordsInAnyCaseAndPlural() {
        assertThat(Keywords.occurrences("tax", "TAX and taxes")).isEqualTo(2);
        assertThat(Keywords.occurrences("tax", "a taxi")).isZero();
        assertThat(Keywords.occurrences("governing law", "Governing\n law")).isEqualTo(1);
    }

    @Test
    void noEvidenceFallsBackToOtherWithLowConfidence() {
        Classification c = classifier.classify(classes, "The quick brown fox jumps over the lazy dog.");

        assertThat(c.documentClass()).isEqualTo("other");
        assertThat(c.confidence()).isLessThan(0.5);
    }

    @Test
    void withoutAnOtherClassNoEvidenceFallsBackToTheFirstClass() {
        List<DocumentClass> noOther = List.of(new DocumentClass("invoice", ""), new DocumentClass("receipt", ""));

        assertThat(classifier.classify(noOther, "nothing to see").documentClass()).isEqualTo("invoice");
    }

    @Test
    void otherClassesAreRecognisedByTheWordsOfTheirNameAndDescription() {
        List<DocumentClass> custom = KeywordClassifier.parseClasses("""
                purchase-order: an order a buyer sends to a supplier
                invoice: a bill
                other: anything else
                """);

        Classification c = classifier.classify(custom, "PURCHASE ORDER 77\nBuyer: Globex\nSupplier: ACME");

        assertThat(c.documentClass()).isEqualTo("purchase-order");
        assertThat(c.reason()).contains("'purchase order'", "'buyer'");
        assertThat(c.confidence()).isEqualTo(0.99);
        assertThat(KeywordClassifier.keywords(new DocumentClass("bank_statement", "x"))).contains("opening balance");
    }
}
