package io.docflow.frontdoor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The live processes of one process group, read from /proc (Linux). */
final class ProcessGroup {

    private ProcessGroup() {
    }

    static List<Long> members(long group) throws IOException {
        List<Long> members = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                Long pgrp = groupOf(entry.resolve("stat"));
                if (pgrp != null && pgrp == group) {
                    members.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        }
        return members;
    }

    /** Field 5 of /proc/pid/stat; the command name in field 2 may hold spaces, so count from its closing ')'. */
    private static Long groupOf(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] after = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return "Z".equals(after[0]) ? null : Long.parseLong(after[2]);
        } catch (IOException | RuntimeException e) {
            return null; // the process ended while being read
        }
    }
}
