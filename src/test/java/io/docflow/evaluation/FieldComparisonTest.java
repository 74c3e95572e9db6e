package io.docflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static FieldMatchers shipped(String documentClass) throws IOException {
        try (InputStream in = FieldComparisonTest.class.getResourceAsStream(
                "/document-classes/" + documentClass + ".schema.json")) {
            return FieldMatchers.of(JSON.readTree(in));
        }
    }

    @Test
    void theShippedSchemasChooseTheMatchers() throws IOException {
        FieldMatchers invoice = shipped("invoice");
        assertThat(invoice.at("/total")).isInstanceOf(NumberMatcher.class);
        assertThat(invoice.at("/invoiceDate")).isInstanceOf(DateMatcher.class);
        assertThat(invoice.at("/vendorName").name()).isEqualTo("normalised");
        assertThat(invoice.at("/currency").name()).isEqualTo("normalised");
        assertThat(invoice.at("/lineItems/*/unitPrice")).isInstanceOf(NumberMatcher.class);
        assertThat(invoice.at("/unknown")).isInstanceOf(ExactMatcher.class);
        assertThat(shipped("bank-statement").at("/iban").name()).isEqualTo("alphanumeric");
        assertThat(shipped("bank-statement").at("/transactions/*/date")).isInstanceOf(DateMatcher.class);
        assertThat(shipped("report").at("/summary")).isInstanceOf(FuzzyTextMatcher.class);
        assertThat(shipped("resume").at("/skills/*").name()).isEqualTo("normalised");
        assertThat(FieldMatchers.of(json("{'properties':{'a':{'type':'string','x-docflow-evaluate':'fuzzy'}}}"))
                .at("/a")).isInstanceOf(FuzzyTextMatcher.class);
    }

    @Test
    void scalarsAreCorrectWrongMissingOrExtraAndFieldsNeitherSideGivesAreNotCounted() throws IOException {
        JsonNode expected = json("{'invoiceNumber':'INV-1','total':100.00,'vendorName':'Acme Ltd','tax':null,"
                + "'invoiceDate':'2024-03-01','currency':'EUR'}");
        JsonNode extracted = json("{'invoiceNumber':'INV-1','total':100.004,'vendorName':'Acme','invoiceDate':'',"
                + "'dueDate':'2024-04-01','currency':'eur'}");

        FieldComparison.Result result = FieldComparison.compare(expected, extracted, shipped("invoice"));

        assertThat(result.outcomes()).extracting(FieldOutcome::field, FieldOutcome::verdict).containsExactly(
                tuple("/invoiceNumber", Verdict.CORRECT), tuple("/total", Verdict.CORRECT),
                tuple("/vendorName", Verdict.WRONG), tuple("/invoiceDate", Verdict.MISSING),
                tuple("/currency", Verdict.CORRECT), tuple("/dueDate", Verdict.EXTRA));
        // TP 3; FP wrong vendor + extra due date = 2; FN wrong vendor + missing date = 2
        Counts counts = result.counts();
        assertThat(counts).isEqualTo(new Counts(3, 2, 2));
        assertThat(counts.precision()).isCloseTo(0.6, within(1e-9));
        assertThat(counts.recall()).isCloseTo(0.6, within(1e-9));
        assertThat(counts.f1()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void listRowsAreAlignedWhateverTheirOrderAndUnpairedRowsCountEveryValue() throws IOException {
        JsonNode expected = json("{'lineItems':["
                + "{'description':'Widget','quantity':2,'unitPrice':5,'amount':10},"
                + "{'description':'Gadget','quantity':1,'unitPrice':20,'amount':20},"
                + "{'description':'Service fee','amount':7.5}]}");
        // Gadget first, Widget with a wrong amount, the fee missing, one row invented
        JsonNode extracted = json("{'lineItems':["
                + "{'description':'gadget','quantity':1,'unitPrice':20,'amount':20},"
                + "{'description':'Widget','quantity':2,'unitPrice':5,'amount':12},"
                + "{'description':'Zzzzzz','quantity':99,'amount':-1}]}");

        FieldComparison.Result result = FieldComparison.compare(expected, extracted, shipped("invoice"));

        // Widget: 3 right + amount wrong; Gadget: 4 right. The invented row resembles nothing, so it is not paired
        // (its similarity is 0) and the fee row is MISSING (2 values), the invented one EXTRA (3 values).
        assertThat(result.outcomes()).filteredOn(o -> o.pointer().equals("/lineItems/0/amount"))
                .extracting(FieldOutcome::verdict).containsExactly(Verdict.WRONG);
        assertThat(result.outcomes()).filteredOn(o -> o.pointer().startsWith("/lineItems/2/"))
                .extracting(FieldOutcome::field, FieldOutcome::verdict).containsExactlyInAnyOrder(
                        tuple("/lineItems/*/description", Verdict.MISSING), tuple("/lineItems/*/amount", Verdict.MISSING),
                        tuple("/lineItems/*/description", Verdict.EXTRA), tuple("/lineItems/*/quantity", Verdict.EXTRA),
                        tuple("/lineItems/*/amount", Verdict.EXTRA));
        assertThat(result.counts()).isEqualTo(new Counts(7, 1 + 3, 1 + 2));
        assertThat(result.lists()).containsExactly(new ListCompleteness("/lineItems", 3, 3, 2));
        assertThat(result.lists().get(0).completeness()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(result.lists().get(0).extra()).isEqualTo(1);
    }

    @Test
    void listsOfTextArePairedByTheirMatcher() throws IOException {
        JsonNode expected = json("{'skills':['Java','Kubernetes','SQL'],'candidateName':'Ann Lee'}");
        JsonNode extracted = json("{'skills':['sql','java','Go','Kubernetes'],'candidateName':'Ann Lee'}");

        FieldComparison.Result result = FieldComparison.compare(expected, extracted, shipped("resume"));

        assertThat(result.counts()).isEqualTo(new Counts(4, 1, 0));
        assertThat(result.lists()).containsExactly(new ListCompleteness("/skills", 3, 4, 3));
        assertThat(result.outcomes()).filteredOn(o -> o.verdict() == Verdict.EXTRA)
                .extracting(FieldOutcome::pointer).containsExactly("/skills/2");
    }

    @Test
    void aMissingListIsIncompleteAndAnEmptyExpectedListIsComplete() throws IOException {
        FieldComparison.Result missing = FieldComparison.compare(json("{'parties':['A','B']}"), json("{}"),
                shipped("contract"));
        assertThat(missing.counts()).isEqualTo(new Counts(0, 0, 2));
        assertThat(missing.lists()).containsExactly(new ListCompleteness("/parties", 2, 0, 0));

        FieldComparison.Result extra = FieldComparison.compare(json("{'parties':[]}"), json("{'parties':['C']}"),
                shipped("contract"));
        assertThat(extra.counts()).isEqualTo(new Counts(0, 1, 0));
        assertThat(extra.lists().get(0).completeness()).isEqualTo(1);
    }

    @Test
    void aWrongClassCountsEveryExpectedValueMissingAndEveryExtractedOneExtra() {
        assertThat(FieldComparison.allMissing(json("{'a':1,'b':[{'c':2,'d':null}],'e':''}")))
                .extracting(FieldOutcome::field, FieldOutcome::pointer, FieldOutcome::verdict)
                .containsExactly(tuple("/a", "/a", Verdict.MISSING), tuple("/b/*/c", "/b/0/c", Verdict.MISSING));
        assertThat(FieldComparison.allExtra(json("{'x':true}")))
                .extracting(FieldOutcome::verdict).containsExactly(Verdict.EXTRA);
    }

    @Test
    void scoresSumPerFieldAndClassBeforeScoring() {
        FieldScores scores = new FieldScores()
                .add("invoice", java.util.List.of(new FieldOutcome("/total", "/total", Verdict.CORRECT),
                        new FieldOutcome("/tax", "/tax", Verdict.WRONG)))
                .add("invoice", java.util.List.of(new FieldOutcome("/total", "/total", Verdict.MISSING)))
                .add("receipt", java.util.List.of(new FieldOutcome("/total", "/total", Verdict.EXTRA)));

        assertThat(scores.byField("invoice").get("/total")).isEqualTo(new Counts(1, 0, 1));
        assertThat(scores.forClass("invoice")).isEqualTo(new Counts(1, 1, 2));
        assertThat(scores.overall()).isEqualTo(new Counts(1, 2, 2));
        assertThat(scores.overall().f1()).isCloseTo(2.0 / 6, within(1e-9));
        assertThat(scores.forClass("letter").precision()).isNaN();
    }

    @Test
    void fiveHundredShuffledRowsAreAlignedItemByItem() throws IOException {
        StringBuilder expected = new StringBuilder("{'transactions':[");
        StringBuilder extracted = new StringBuilder("{'transactions':[");
        for (int i = 0; i < 500; i++) {
            expected.append(i == 0 ? "" : ",").append("{'date':'2024-01-01','description':'Payee ").append(i)
                    .append("','amount':").append(i).append(".25}");
            int j = 499 - i;
            extracted.append(j == 499 ? "" : ",").append("{'date':'2024-01-01','description':'Payee ").append(j)
                    .append("','amount':").append(j).append(".25}");
        }
        JsonNode e = json(expected.append("]}").toString());
        JsonNode a = json(extracted.append("]}").toString());
        FieldMatchers matchers = shipped("bank-statement");

        FieldComparison.Result result = FieldComparison.compare(e, a, matchers);

        assertThat(result.counts()).isEqualTo(new Counts(1500, 0, 0));
        assertThat(result.lists()).containsExactly(new ListCompleteness("/transactions", 500, 500, 500));
    }
}
