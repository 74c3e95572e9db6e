package io.docflow.local.bedrock;

import java.util.Optional;

/**
 * Reads the XML-ish tags of docflow's prompt templates, e.g. {@code <task>classify</task>}. A block opens with its
 * tag at the start of a line: instructions that mention "the {@code <document>} tags" in a sentence are not blocks.
 */
final class PromptTags {

    private PromptTags() {
    }

    /** The text between the first {@code <tag>} and the {@code </tag>} after it. */
    static Optional<String> first(String prompt, String tag) {
        String open = "<" + tag + ">";
        int start = blockStart(prompt, open);
        if (start < 0) {
            return Optional.empty();
        }
        int end = prompt.indexOf("</" + tag + ">", start + open.length());
        return end < 0 ? Optional.empty() : Optional.of(prompt.substring(start + open.length(), end));
    }

    /**
     * The text between the first {@code <tag>} and the last {@code </tag>}: a document may itself contain text that
     * looks like a closing tag, and the document is the outermost block of the templates.
     */
    static Optional<String> outer(String prompt, String tag) {
        String open = "<" + tag + ">";
        int start = blockStart(prompt, open);
        int end = prompt.lastIndexOf("</" + tag + ">");
        return start < 0 || end < start + open.length()
                ? Optional.empty()
                : Optional.of(prompt.substring(start + open.length(), end));
    }

    private static int blockStart(String prompt, String open) {
        int at = prompt.indexOf(open);
        while (at > 0 && prompt.charAt(at - 1) != '\n') {
            at = prompt.indexOf(open, at + 1);
        }
        return at;
    }
}
