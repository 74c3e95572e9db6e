package io.docflow.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Dockerfile read into its stages and instructions: comment lines (parser directives included) and blank lines
 * are dropped, a trailing {@code \} continues an instruction on the next line (comment lines in between are dropped,
 * as Docker does), {@code FROM image [AS name]} starts a stage, {@code ARG name=default} before the first FROM
 * declares what FROM lines may name as {@code ${name}}. Only what docflow's Dockerfile uses is understood; anything
 * else fails loudly rather than being half-read.
 */
record Dockerfile(Map<String, String> args, List<Dockerfile.Stage> stages) {

    private static final Pattern ARG_REFERENCE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
    /** The Java version an image's tag starts with: 25-jdk, 17.0.15_6-jre-jammy, 8u442-jdk, 21. */
    private static final Pattern JAVA_TAG = Pattern.compile("(\\d+)(?:[._u+-].*)?");

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
        Map<String, String> args = new LinkedHashMap<>();
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
            } else if (instruction.keyword().equals("ARG")) {
                String[] nameAndDefault = instruction.arguments().split("=", 2);
                args.put(nameAndDefault[0], nameAndDefault.length > 1 ? nameAndDefault[1] : "");
            } else {
                throw new IllegalArgumentException("only ARG may come before the first FROM: " + line);
            }
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("no FROM in the Dockerfile");
        }
        return new Dockerfile(Map.copyOf(args), List.copyOf(stages));
    }

    /**
     * The image a stage is built on, with the ARG defaults put in ({@code docker build} without {@code --build-arg});
     * a stage built on an earlier stage is built on that stage's image.
     */
    String baseImage(Stage stage) {
        Matcher reference = ARG_REFERENCE.matcher(stage.base());
        StringBuilder image = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1) != null ? reference.group(1) : reference.group(2);
            String value = args.get(name);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("FROM " + stage.base() + " names ARG " + name + ", which has no default");
            }
            reference.appendReplacement(image, Matcher.quoteReplacement(value));
        }
        reference.appendTail(image);
        for (Stage earlier : stages.subList(0, stage.index())) {
            if (earlier.name().filter(image.toString()::equals).isPresent()) {
                return baseImage(earlier);
            }
        }
        return image.toString();
    }

    /** The Java feature version an image's tag names ({@code eclipse-temurin:25-jre}: 25). */
    static int javaVersion(String image) {
        String name = image.split("@", 2)[0];
        int colon = name.lastIndexOf(':');
        String tag = colon > name.lastIndexOf('/') ? name.substring(colon + 1) : "";
        Matcher version = JAVA_TAG.matcher(tag);
        if (!version.matches()) {
            throw new IllegalArgumentException("the tag of image " + image + " names no Java version (as 25-jdk does)");
        }
        return Integer.parseInt(version.group(1));
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
