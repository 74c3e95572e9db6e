package io.docflow.local.bedrock;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The labels a document may print before a schema property's value: {@code invoiceNumber} → "invoice no". */
final class Labels {

    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("invoicedate", List.of("issue date", "date of issue", "date issued", "date")),
            Map.entry("duedate", List.of("payment due", "due by", "due")),
            Map.entry("tax", List.of("vat", "sales tax")),
            Map.entry("taxamount", List.of("tax", "vat", "sales tax")),
            Map.entry("vat", List.of("tax")),
            Map.entry("vatamount", List.of("vat", "tax")),
            Map.entry("customer", List.of("bill to", "billed to", "sold to")),
            Map.entry("customername", List.of("customer", "bill to", "billed to", "sold to")),
            Map.entry("billto", List.of("billed to", "customer")),
            Map.entry("ponumber", List.of("purchase order number", "purchase order", "po")),
            Map.entry("purchaseordernumber", List.of("po number", "purchase order", "po")),
            Map.entry("amountdue", List.of("balance due", "total due")),
            Map.entry("balancedue", List.of("amount due", "total due")),
            Map.entry("subtotal", List.of("sub total", "sub-total")),
            Map.entry("email", List.of("e-mail")),
            Map.entry("phone", List.of("tel", "telephone")));
    private static final List<String> NUMBER_ABBREVIATIONS = List.of(" no", " #", " nr", " num");

    private Labels() {
    }

    /** Labels to look for, the most specific first. */
    static List<String> of(String propertyName, String title) {
        Set<String> labels = new LinkedHashSet<>();
        labels.add(words(propertyName));
        if (title != null && !title.isBlank()) {
            labels.add(title.strip().toLowerCase(Locale.ROOT));
        }
        labels.addAll(SYNONYMS.getOrDefault(compact(propertyName), List.of()));
        for (String label : List.copyOf(labels)) {
            if (label.endsWith(" number")) {
                String base = label.substring(0, label.length() - " number".length());
                NUMBER_ABBREVIATIONS.forEach(abbreviation -> labels.add(base + abbreviation));
            }
        }
        return List.copyOf(labels);
    }

    /** {@code invoiceNumber}, {@code invoice_number}, {@code InvoiceNumber} → "invoice number". */
    static String words(String propertyName) {
        return propertyName.replaceAll("([\\p{Ll}\\d])(\\p{Lu})", "$1 $2")
                .replaceAll("(\\p{Lu}+)(\\p{Lu}\\p{Ll})", "$1 $2")
                .replaceAll("[_\\-\\s]+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** {@code invoice_number}, {@code invoiceNumber} → "invoicenumber", to compare names written any way. */
    static String compact(String propertyName) {
        return propertyName.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
