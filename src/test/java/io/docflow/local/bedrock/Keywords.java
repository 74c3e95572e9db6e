package io.docflow.local.bedrock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts whole-word, case-insensitive occurrences of a keyword or phrase; a plural "s" still counts. */
final class Keywords {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private Keywords() {
    }

    static int occurrences(String keyword, String text) {
        Matcher m = PATTERNS.computeIfAbsent(keyword, Keywords::compile).matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static Pattern compile(String keyword) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] words = keyword.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        regex.append("(?:s|es)?(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
