package io.docflow.local.eventbridge;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docflow.local.LocalAws;

/** One rule on one bus, immutable: each change makes a new one, so matching never sees half an update. */
record Rule(String name, String busName, EventPattern pattern, String state, String description,
            Map<String, Target> targets) {

    static final String ENABLED = "ENABLED";
    static final List<String> STATES = List.of(ENABLED, "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");

    Rule {
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    }

    /** {@code rule/<name>} on the default bus, {@code rule/<bus>/<name>} on any other. */
    String arn() {
        String path = Buses.DEFAULT.equals(busName) ? name : busName + "/" + name;
        return "arn:aws:events:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":rule/" + path;
    }

    boolean enabled() {
        return !"DISABLED".equals(state);
    }

    Rule withDefinition(EventPattern pattern, String state, String description) {
        return new Rule(name, busName, pattern, state, description, targets);
    }

    Rule withState(String state) {
        return new Rule(name, busName, pattern, state, description, targets);
    }

    Rule withTargets(Collection<Target> added) {
        Map<String, Target> merged = new LinkedHashMap<>(targets);
        added.forEach(target -> merged.put(target.id(), target));
        return new Rule(name, busName, pattern, state, description, merged);
    }

    Rule withoutTargets(Collection<String> ids) {
        Map<String, Target> kept = new LinkedHashMap<>(targets);
        ids.forEach(kept::remove);
        return new Rule(name, busName, pattern, state, description, kept);
    }

    /** The Rule shape of ListRules; DescribeRule adds CreatedBy. */
    ObjectNode toJson() {
        ObjectNode json = Json.object()
                .put("Name", name)
                .put("Arn", arn())
                .put("EventPattern", pattern.text())
                .put("State", state)
                .put("EventBusName", busName);
        if (description != null) {
            json.put("Description", description);
        }
        return json;
    }
}
