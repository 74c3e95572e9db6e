package io.docflow.ocr;

import java.util.List;
import java.util.Map;

/**
 * Which Tesseract languages read which script (as Tesseract's orientation pass names it), to tell a user whose scan
 * is in a script none of {@code docflow.ocr.languages} reads which pack to install.
 */
final class Scripts {

    /** Script to the languages that read it, the usual one first; Tesseract's {@code script/<Name>} models too. */
    private static final Map<String, List<String>> READERS = Map.ofEntries(
            Map.entry("Cyrillic", List.of("rus", "ukr", "bul", "srp", "mkd", "bel", "kaz")),
            Map.entry("Greek", List.of("ell", "grc")),
            Map.entry("Arabic", List.of("ara", "fas", "urd", "pus")),
            Map.entry("Hebrew", List.of("heb", "yid")),
            Map.entry("Han", List.of("chi_sim", "chi_tra", "jpn", "kor")),
            Map.entry("Japanese", List.of("jpn", "jpn_vert")),
            Map.entry("Katakana", List.of("jpn", "jpn_vert")),
            Map.entry("Hiragana", List.of("jpn", "jpn_vert")),
            Map.entry("Hangul", List.of("kor", "kor_vert")),
            Map.entry("Korean", List.of("kor", "kor_vert")),
            Map.entry("Devanagari", List.of("hin", "mar", "nep", "san")),
            Map.entry("Thai", List.of("tha")),
            Map.entry("Armenian", List.of("hye")),
            Map.entry("Georgian", List.of("kat")),
            Map.entry("Bengali", List.of("ben", "asm")),
            Map.entry("Tamil", List.of("tam")),
            Map.entry("Telugu", List.of("tel")),
            Map.entry("Kannada", List.of("kan")),
            Map.entry("Malayalam", List.of("mal")),
            Map.entry("Gujarati", List.of("guj")),
            Map.entry("Gurmukhi", List.of("pan")),
            Map.entry("Ethiopic", List.of("amh")),
            Map.entry("Khmer", List.of("khm")),
            Map.entry("Lao", List.of("lao")),
            Map.entry("Myanmar", List.of("mya")),
            Map.entry("Sinhala", List.of("sin")),
            Map.entry("Tibetan", List.of("bod")));

    private Scripts() {
    }

    /**
     * Why a page in {@code script} cannot be read with {@code languages}, naming the pack to install; null when one
     * of them reads it, or the script is Latin or unknown here (then the page is read and judged by what it gives).
     */
    static String missing(String script, List<String> languages) {
        List<String> readers = script == null ? null : READERS.get(script);
        if (readers == null || languages.contains("script/" + script) || readers.stream().anyMatch(languages::contains)) {
            return null;
        }
        String language = readers.get(0);
        return "the page is written in " + script + " script, which none of docflow.ocr.languages " + languages
                + " reads: install tesseract-ocr-" + language.replace('_', '-') + " and add " + language
                + " to docflow.ocr.languages";
    }
}
