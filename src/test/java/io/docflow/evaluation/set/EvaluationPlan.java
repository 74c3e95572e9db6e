package io.docflow.evaluation.set;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Plans the set before anything is drawn: for every class, which documents in which formats (about 60% PDF with a
 * text layer, 25% DOCX, 15% scans, half of those PNG), which carry long lists, and each document's content and truth.
 */
final class EvaluationPlan {

    static final List<ClassDocuments> CLASSES = List.of(new BankStatementDocuments(), new ContractDocuments(),
            new FormDocuments(), new InvoiceDocuments(), new LetterDocuments(), new OtherDocuments(),
            new ReceiptDocuments(), new ReportDocuments(), new ResumeDocuments());

    /** Lengths of the main list for the first documents of a class after the first (which has one item). */
    private static final Map<String, List<Integer>> LONG_LISTS = Map.of(
            "bank-statement", List.of(500, 250, 100, 60),
            "invoice", List.of(250, 100, 40));
    private static final List<String> ONE_ITEM_FIRST = List.of("bank-statement", "invoice", "receipt");
    private static final float SCAN_FONT_SIZE = 11;
    private static final float SCAN_TILL_FONT_SIZE = 10;

    private EvaluationPlan() {
    }

    static List<DocumentSpec> plan(long seed, int perClass) {
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass must be at least 1; got " + perClass);
        }
        List<DocumentSpec> specs = new ArrayList<>();
        for (int c = 0; c < CLASSES.size(); c++) {
            ClassDocuments documents = CLASSES.get(c);
            String name = documents.documentClass();
            List<Integer> sizes = listSizes(name, perClass);
            List<Format> formats = formats(perClass, new Pick(mix(seed, c, -1)), sizes);
            for (int i = 0; i < perClass; i++) {
                ClassDocuments.Shape shape = new ClassDocuments.Shape(i, formats.get(i), sizes.get(i));
                ClassDocuments.Draft draft = documents.draft(new Pick(mix(seed, c, i)), shape);
                PageStyle page = shape.onePage() ? legible(draft.page()) : draft.page();
                DocumentSpec spec = new DocumentSpec(name, "%s-%03d".formatted(name, i + 1), shape.format(), page,
                        List.copyOf(draft.blocks()), draft.fields());
                if (shape.onePage() && PageLayout.layOut(page, spec.blocks()).size() != 1) {
                    throw new IllegalStateException(spec.name() + ": a scan must fit on one page");
                }
                specs.add(spec);
            }
        }
        return specs;
    }

    private static List<Integer> listSizes(String documentClass, int perClass) {
        List<Integer> sizes = new ArrayList<>(Collections.nCopies(perClass, 0));
        if (ONE_ITEM_FIRST.contains(documentClass)) {
            sizes.set(0, 1);
        }
        List<Integer> long_ = LONG_LISTS.getOrDefault(documentClass, List.of());
        for (int i = 0; i < long_.size() && i + 1 < perClass; i++) {
            sizes.set(i + 1, long_.get(i));
        }
        return sizes;
    }

    /** Shuffled formats in the set's proportions; a document with a long list is never a (one-page) scan. */
    private static List<Format> formats(int perClass, Pick pick, List<Integer> sizes) {
        int scans = Math.round(perClass * 0.15f);
        int docx = Math.round(perClass * 0.25f);
        List<Format> formats = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            formats.add(i < scans ? (i % 2 == 0 ? Format.SCANNED_PDF : Format.SCANNED_PNG)
                    : i < scans + docx ? Format.DOCX : Format.PDF);
        }
        Collections.shuffle(formats, pick.random());
        for (int i = 0; i < perClass; i++) {
            if (sizes.get(i) > 20 && formats.get(i).isScan()) {
                for (int j = 0; j < perClass; j++) {
                    if (sizes.get(j) <= 20 && !formats.get(j).isScan()) {
                        Collections.swap(formats, i, j);
                        break;
                    }
                }
            }
        }
        return formats;
    }

    /** Type large enough for OCR to read at the scan's resolution. */
    private static PageStyle legible(PageStyle page) {
        float size = Math.max(page.fontSize(), page.growsToContent() ? SCAN_TILL_FONT_SIZE : SCAN_FONT_SIZE);
        return new PageStyle(page.width(), page.height(), page.margin(), page.face(), size, page.pageNumbers());
    }

    /** One seed per class and document (SplitMix64 finaliser), so documents do not share random streams. */
    private static long mix(long seed, int documentClass, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (documentClass * 100_003L + index + 2);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
