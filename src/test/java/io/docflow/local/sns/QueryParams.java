package io.docflow.local.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one AWS Query request, from the query string and the form body alike, with the protocol's
 * flattening of lists ({@code Name.member.N}) and maps ({@code Name.entry.N.key} / {@code .value}).
 */
final class QueryParams {

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Decodes {@code application/x-www-form-urlencoded} parts; null parts are skipped. */
    static QueryParams decode(String... encodedParts) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String encoded : encodedParts) {
            if (encoded == null || encoded.isEmpty()) {
                continue;
            }
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (!name.isEmpty()) {
                    values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
                }
            }
        }
        return new QueryParams(values);
    }

    String optional(String name) {
        return values.get(name);
    }

    /** The value of {@code name}; a missing or empty one is the caller's error, reported as SNS does. */
    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw SnsFault.invalidParameter("Invalid parameter: " + name);
        }
        return value;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The parameters below {@code prefix.}, with that prefix removed. */
    QueryParams under(String prefix) {
        String start = prefix + ".";
        Map<String, String> nested = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(start)) {
                nested.put(name.substring(start.length()), value);
            }
        });
        return new QueryParams(nested);
    }

    /** The numbered groups {@code prefix.1}, {@code prefix.2}, ... up to the first gap. */
    List<QueryParams> numbered(String prefix) {
        List<QueryParams> groups = new ArrayList<>();
        for (int i = 1; ; i++) {
            QueryParams group = under(prefix + "." + i);
            if (group.isEmpty()) {
                return groups;
            }
            groups.add(group);
        }
    }

    /** A Query-protocol list: {@code name.member.N}. */
    List<QueryParams> members(String name) {
        return numbered(name + ".member");
    }

    /** A Query-protocol map of strings: {@code name.entry.N.key} and {@code name.entry.N.value}. */
    Map<String, String> map(String name) {
        Map<String, String> map = new LinkedHashMap<>();
        for (QueryParams entry : numbered(name + ".entry")) {
            map.put(entry.required("key"), entry.values.getOrDefault("value", ""));
        }
        return map;
    }
}
