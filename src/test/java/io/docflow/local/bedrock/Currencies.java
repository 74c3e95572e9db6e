package io.docflow.local.bedrock;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The currency of a document: an ISO 4217 code written in it, else the code of the first currency sign. */
final class Currencies {

    private static final Pattern CODE = Pattern.compile(
            "(?<![\\p{L}])(USD|EUR|GBP|CHF|JPY|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|INR|CNY|HKD|SGD|ZAR|BRL|MXN)(?![\\p{L}])");
    private static final Pattern SIGN = Pattern.compile("[$€£¥]");

    private Currencies() {
    }

    static Optional<String> find(String text) {
        Matcher code = CODE.matcher(text);
        if (code.find()) {
            return Optional.of(code.group(1));
        }
        Matcher sign = SIGN.matcher(text);
        if (!sign.find()) {
            return Optional.empty();
        }
        return Optional.of(switch (sign.group().charAt(0)) {
            case '€' -> "EUR";
            case '£' -> "GBP";
            case '¥' -> "JPY";
            default -> "USD";
        });
    }
}
