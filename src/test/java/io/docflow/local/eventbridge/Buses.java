package io.docflow.local.eventbridge;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The account's event buses by name; the {@code default} bus always exists and cannot be deleted. */
final class Buses {

    static final String DEFAULT = "default";
    private static final String ARN_PREFIX = EventBus.arn("");

    private final ConcurrentNavigableMap<String, EventBus> byName = new ConcurrentSkipListMap<>();

    Buses() {
        byName.put(DEFAULT, new EventBus(DEFAULT, null));
    }

    EventBus create(String name, String description) {
        EventBus bus = new EventBus(name, description);
        if (byName.putIfAbsent(name, bus) != null) {
            throw ApiError.of("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
        }
        return bus;
    }

    /** The bus named, or whose ARN is, {@code nameOrArn}; the default bus when it is null. */
    Optional<EventBus> find(String nameOrArn) {
        return Optional.ofNullable(byName.get(nameOf(nameOrArn)));
    }

    EventBus get(String nameOrArn) {
        return find(nameOrArn).orElseThrow(() ->
                ApiError.notFound("Event bus " + nameOf(nameOrArn) + " does not exist."));
    }

    /** Deletes the bus with its rules; a bus that does not exist is no error. */
    void delete(String nameOrArn) {
        String name = nameOf(nameOrArn);
        if (DEFAULT.equals(name)) {
            throw ApiError.validation("Cannot delete event bus default.");
        }
        byName.remove(name);
    }

    List<EventBus> list(String namePrefix) {
        return byName.values().stream()
                .filter(bus -> namePrefix == null || bus.name().startsWith(namePrefix))
                .toList();
    }

    /** An ARN of another region or account names no bus here, so it is kept whole and is then not found. */
    static String nameOf(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return DEFAULT;
        }
        return nameOrArn.startsWith(ARN_PREFIX) ? nameOrArn.substring(ARN_PREFIX.length()) : nameOrArn;
    }
}
