package io.docflow.local.eventbridge;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Limit and NextToken paging for the List* calls; the token is the position of the next item. */
final class Pages {

    private Pages() {
    }

    static <T> ObjectNode write(ObjectNode response, String member, List<T> items, ApiRequest request,
                                Function<T, ObjectNode> toJson) {
        int from = start(request.text("NextToken"), items.size());
        int to = Math.min(items.size(), from + limit(request.body().get("Limit"), items.size()));
        ArrayNode array = response.putArray(member);
        items.subList(from, to).forEach(item -> array.add(toJson.apply(item)));
        if (to < items.size()) {
            response.put("NextToken", String.valueOf(to));
        }
        return response;
    }

    private static int start(String nextToken, int size) {
        if (nextToken == null) {
            return 0;
        }
        try {
            int start = Integer.parseInt(nextToken);
            if (start >= 0 && start <= size) {
                return start;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.validation("The NextToken provided is not valid.");
    }

    private static int limit(JsonNode limit, int size) {
        if (limit == null || limit.isNull()) {
            return Math.max(size, 1);
        }
        if (!limit.canConvertToInt() || limit.asInt() < 1 || limit.asInt() > 100) {
            throw ApiError.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100");
        }
        return limit.asInt();
    }
}
