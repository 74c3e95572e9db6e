package io.docflow.ocr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each page's text came from, for a paged document (PDF) or an image (one page per frame).
 *
 * @param engine    the configured OCR engine ({@code tesseract}, {@code textract}), or {@code none} when OCR is off
 * @param languages the languages OCR reads (Tesseract)
 * @param pages     every page in order
 * @param millis    time spent on OCR (rendering included)
 */
public record OcrReport(String engine, List<String> languages, List<PageText> pages, long millis) {

    public OcrReport {
        languages = List.copyOf(languages);
        pages = List.copyOf(pages);
    }

    /** Pages an engine read (with or without finding text). */
    public int pagesOcrd() {
        return (int) pages.stream().filter(PageText::ocrRan).count();
    }

    /** Pages that needed OCR and were not read. */
    public List<PageText> leftOut() {
        return pages.stream().filter(p -> p.leftOut() != null).toList();
    }

    /** Mean OCR confidence (0-100) over the OCR'd pages' text, weighted by characters; null when nothing was OCR'd. */
    public Double meanConfidence() {
        double weighted = 0;
        long characters = 0;
        for (PageText page : pages) {
            if (page.source() == PageSource.OCR && page.confidence() != null && page.characters() > 0) {
                weighted += page.confidence() * page.characters();
                characters += page.characters();
            }
        }
        return characters == 0 ? null : weighted / characters;
    }

    /**
     * How far the text can be trusted, 0-1: text-layer characters count fully, OCR'd ones by their page's confidence.
     * 1 when nothing was OCR'd.
     */
    public double textConfidence() {
        double weighted = 0;
        long characters = 0;
        for (PageText page : pages) {
            if (page.characters() > 0) {
                double confidence = page.source() == PageSource.OCR && page.confidence() != null ? page.confidence() / 100 : 1;
                weighted += confidence * page.characters();
                characters += page.characters();
            }
        }
        return characters == 0 ? 1 : weighted / characters;
    }

    /** Page numbers per source, as ranges: {@code {TEXT_LAYER=1-3,5, OCR=4}}. */
    public Map<PageSource, String> pagesBySource() {
        Map<PageSource, List<Integer>> numbers = new EnumMap<>(PageSource.class);
        pages.forEach(p -> numbers.computeIfAbsent(p.source(), s -> new ArrayList<>()).add(p.page()));
        Map<PageSource, String> ranges = new EnumMap<>(PageSource.class);
        numbers.forEach((source, list) -> ranges.put(source, ranges(list)));
        return ranges;
    }

    /** Page numbers per reason they were left out, as ranges. */
    public Map<LeftOut, String> leftOutPages() {
        Map<LeftOut, List<Integer>> numbers = new EnumMap<>(LeftOut.class);
        leftOut().forEach(p -> numbers.computeIfAbsent(p.leftOut(), s -> new ArrayList<>()).add(p.page()));
        Map<LeftOut, String> ranges = new EnumMap<>(LeftOut.class);
        numbers.forEach((why, list) -> ranges.put(why, ranges(list)));
        return ranges;
    }

    /**
     * For a document left without text: which engine ran on how many pages, and which pages were left out and why,
     * e.g. {@code tesseract OCR ran on 1 of 1 page(s) and read nothing}.
     */
    public String noTextSummary() {
        StringBuilder summary = new StringBuilder();
        if ("none".equals(engine)) {
            summary.append("OCR is off (docflow.ocr.enabled=false): no engine ran on its ").append(pages.size()).append(" page(s)");
        } else {
            summary.append(engine).append(" OCR ran on ").append(pagesOcrd()).append(" of ").append(pages.size())
                    .append(" page(s)");
            if (pagesOcrd() > 0) {
                summary.append(" and read nothing");
            }
        }
        List<PageText> leftOut = leftOut().stream().filter(p -> p.leftOut() != LeftOut.OCR_DISABLED).toList();
        if (!leftOut.isEmpty()) {
            summary.append("; left out: ").append(leftOut.stream().limit(5)
                    .map(p -> "page " + p.page() + " " + p.leftOut() + " (" + p.reason() + ")")
                    .collect(Collectors.joining("; ")));
            if (leftOut.size() > 5) {
                summary.append("; and ").append(leftOut.size() - 5).append(" more");
            }
        }
        return summary.toString();
    }

    /** The most telling limit (or missing language) that left pages out, for a document that ended without text; null when none did. */
    public LeftOut limitReached() {
        for (LeftOut why : List.of(LeftOut.OCR_LANGUAGE_MISSING, LeftOut.IMAGE_TOO_LARGE, LeftOut.PAGE_TIMEOUT, LeftOut.DOCUMENT_TIMEOUT)) {
            if (pages.stream().anyMatch(p -> p.leftOut() == why)) {
                return why;
            }
        }
        return null;
    }

    static String ranges(List<Integer> sorted) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(sorted.get(i));
            if (j > i) {
                out.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }
}
