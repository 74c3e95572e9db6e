package io.docflow.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Dockerfile read into its stages and instructions: comment lines (parser directives included) and blank lines
 * are dropped, a trailing {@code \} continues an instruction on the next line (comment lines in between are dropped,
 * as Docker does), {@code FROM image [AS name]} starts a stage. Only what docflow's Dockerfile uses is understood;
 * anything else fails loudly rather than being half-read.
 */
record Dockerfile(List<Dockerfile.Stage> stages) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Instruction(String keyword, String arguments) {
    }

    /** {@code COPY [--from=stage] source... destination}; {@code from} is empty for the build context. */
    record Copy(Optional<String> from, List<String> sources, String destination) {
    }

    record Stage(int index, String base, Optional<String> name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Optional<String> last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1).arguments());
        }

        /** The working directory in effect at the end of the stage ({@code /} without WORKDIR). */
        String workdir() {
            String workdir = "/";
            for (Instruction workdirInstruction : all("WORKDIR")) {
                workdir = inImage(workdir, workdirInstruction.arguments());
            }
            return workdir;
        }

        List<String> runs() {
            return all("RUN").stream().map(Instruction::arguments).toList();
        }

        List<Copy> copies() {
            return all("COPY").stream().map(i -> copy(i.arguments())).toList();
        }

        /** Every ENV of the stage, in order. */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            all("ENV").forEach(i -> env.putAll(Dockerfile.env(i.arguments())));
            return env;
        }

        /** The command line, exec form as written, shell form as Docker runs it. */
        Optional<List<String>> entrypoint() {
            return last("ENTRYPOINT").map(Dockerfile::commandLine);
        }
    }

    static Dockerfile read(Path file) {
        return parse(Manifests.read(file));
    }

    static Dockerfile parse(String text) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        for (String line : logicalLines(text)) {
            String[] parts = line.strip().split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
            if (instruction.keyword().equals("FROM")) {
                current = new ArrayList<>();
                stages.add(stage(stages.size(), instruction.arguments(), current));
            } else if (current != null) {
                current.add(instruction);
            } else if (!instruction.keyword().equals("ARG")) {
                throw new IllegalArgumentException("only ARG may come before the first FROM: " + line);
            }
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("no FROM in the Dockerfile");
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> s.name().filter(name::equals).isPresent()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage " + name));
    }

    /** The stage {@code docker build} builds without {@code --target}. */
    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    /** {@code path} as an absolute path in the image: relative ones are relative to {@code workdir}. */
    static String inImage(String workdir, String path) {
        return Path.of(workdir).resolve(path).normalize().toString();
    }

    private static Stage stage(int index, String arguments, List<Instruction> instructions) {
        List<String> words = new ArrayList<>(Arrays.asList(arguments.split("\\s+")));
        words.removeIf(w -> w.startsWith("--platform="));
        if (words.size() == 3 && words.get(1).equalsIgnoreCase("AS")) {
            return new Stage(index, words.get(0), Optional.of(words.get(2)), instructions);
        }
        if (words.size() != 1) {
            throw new IllegalArgumentException("FROM " + arguments);
        }
        return new Stage(index, words.get(0), Optional.empty(), instructions);
    }

    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder pending = null;
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String content = line.stripTrailing();
            boolean continues = content.endsWith("\\");
            if (continues) {
                content = content.substring(0, content.length() - 1);
            }
            pending = pending == null ? new StringBuilder(content) : pending.append(content);
            if (!continues) {
                lines.add(pending.toString());
                pending = null;
            }
        }
        if (pending != null) {
            throw new IllegalArgumentException("the last instruction ends with a line continuation: " + pending);
        }
        return lines;
    }

    static Copy copy(String arguments) {
        String rest = arguments.strip();
        Optional<String> from = Optional.empty();
        while (rest.startsWith("--")) {
            String[] flagAndRest = rest.split("\\s+", 2);
            String flag = flagAndRest[0];
            rest = flagAndRest.length > 1 ? flagAndRest[1] : "";
            if (flag.startsWith("--from=")) {
                from = Optional.of(flag.substring("--from=".length()));
            } else if (!flag.startsWith("--chown=") && !flag.startsWith("--chmod=") && !flag.equals("--link")) {
                throw new IllegalArgumentException("COPY flag not understood: " + flag);
            }
        }
        List<String> words = words(rest);
        if (words.size() < 2) {
            throw new IllegalArgumentException("COPY needs a source and a destination: " + arguments);
        }
        return new Copy(from, List.copyOf(words.subList(0, words.size() - 1)), words.get(words.size() - 1));
    }

    private static List<String> words(String arguments) {
        return arguments.startsWith("[") ? json(arguments) : List.of(arguments.split("\\s+"));
    }

    private static List<String> commandLine(String arguments) {
        return arguments.startsWith("[") ? json(arguments) : List.of("/bin/sh", "-c", arguments);
    }

    private static List<String> json(String array) {
        try {
            return JSON.readValue(array, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON array of strings: " + array, e);
        }
    }

    /** {@code KEY=value ...} with double or single quotes and backslash escapes, or the legacy {@code KEY value}. */
    static Map<String, String> env(String arguments) {
        Map<String, String> env = new LinkedHashMap<>();
        String[] legacy = arguments.split("\\s+", 2);
        if (!legacy[0].contains("=")) {
            env.put(legacy[0], legacy.length > 1 ? legacy[1] : "");
            return env;
        }
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i <= arguments.length(); i++) {
            char c = i < arguments.length() ? arguments.charAt(i) : ' ';
            if (i == arguments.length() && quote != 0) {
                throw new IllegalArgumentException("unterminated quote in ENV " + arguments);
            }
            if (c == '\\' && quote != '\'' && i + 1 < arguments.length()) {
                word.append(arguments.charAt(++i));
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    String[] pair = word.toString().split("=", 2);
                    if (pair.length != 2) {
                        throw new IllegalArgumentException("ENV " + arguments + ": " + word + " is not KEY=value");
                    }
                    env.put(pair[0], pair[1]);
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        return env;
    }
}
