package io.docflow.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** One {@link ListCompleteness} per list among the fields (line items, transactions, parties), outermost first. */
final class ListCompletenessReport {

    private ListCompletenessReport() {
    }

    static List<ListCompleteness> of(JsonNode fields, List<FieldEvidence> evidence, List<Rule> rules,
            List<RuleResult> results, List<TextRange> chunks, Pages pages) {
        Map<String, FieldEvidence> byField = evidence.stream()
                .collect(Collectors.toMap(FieldEvidence::field, Function.identity(), (first, second) -> first));
        List<ListCompleteness> report = new ArrayList<>();
        for (Pointers.Located list : Leaves.lists(fields)) {
            report.add(report(list, byField, rules, results, chunks, pages, fields));
        }
        return report;
    }

    /** Where an item's value was found: its quote's start, or the value's own when it came without a quote (text answers). */
    private static Integer offset(FieldEvidence found) {
        return found.quoteStart() != null ? found.quoteStart() : found.start();
    }

    private static ListCompleteness report(Pointers.Located list, Map<String, FieldEvidence> byField, List<Rule> rules,
            List<RuleResult> results, List<TextRange> chunks, Pages pages, JsonNode fields) {
        TreeMap<Integer, Integer> perPage = new TreeMap<>();
        int[] perChunk = new int[chunks.size()];
        int withoutPage = 0;
        for (int index = 0; index < list.value().size(); index++) {
            String item = Pointers.child(list.pointer(), index);
            Optional<Integer> start = Leaves.of(list.value().get(index)).stream()
                    .map(leaf -> byField.get(item + leaf.pointer()))
                    .filter(found -> found != null && found.grounded())
                    .map(ListCompletenessReport::offset)
                    .filter(Objects::nonNull)
                    .min(Integer::compare);
            Integer page = start.map(pages::pageOf).orElse(null);
            if (page == null) {
                withoutPage++;
            } else {
                perPage.merge(page, 1, Integer::sum);
            }
            start.ifPresent(offset -> {
                for (int chunk = 0; chunk < chunks.size(); chunk++) {
                    if (chunks.get(chunk).contains(offset)) {
                        perChunk[chunk]++;
                        break;
                    }
                }
            });
        }
        List<ListCompleteness.PageCount> pageCounts = perPage.entrySet().stream()
                .map(entry -> new ListCompleteness.PageCount(entry.getKey(), entry.getValue())).toList();
        List<Integer> gaps = new ArrayList<>();
        if (!perPage.isEmpty()) {
            for (int page = perPage.firstKey(); page < perPage.lastKey(); page++) {
                if (!perPage.containsKey(page)) {
                    gaps.add(page);
                }
            }
        }
        List<ListCompleteness.ChunkCount> chunkCounts = new ArrayList<>();
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            chunkCounts.add(new ListCompleteness.ChunkCount(chunk, chunks.get(chunk).start(), chunks.get(chunk).end(), perChunk[chunk]));
        }
        Optional<CountRule> count = rules.stream().filter(CountRule.class::isInstance).map(CountRule.class::cast)
                .filter(rule -> rule.list().equals(list.pointer())).findFirst();
        Integer stated = count.flatMap(rule -> rule.statedCount(fields)).orElse(null);
        List<ListCompleteness.RuleOutcomeOf> touching = results.stream()
                .filter(result -> result.fields().stream().anyMatch(field -> Pointers.isWithin(field, list.pointer())))
                .map(result -> new ListCompleteness.RuleOutcomeOf(result.ruleId(), result.outcome())).toList();
        return new ListCompleteness(list.pointer(), list.value().size(), pageCounts, withoutPage, gaps, chunkCounts,
                stated, count.map(CountRule::equals).orElse(null), stated == null ? null : stated == list.value().size(),
                touching);
    }
}
