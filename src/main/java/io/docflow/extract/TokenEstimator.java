package io.docflow.extract;

/**
 * A rough token count: about four characters per token, the usual rule of thumb for English text with
 * foundation model tokenizers. Good enough to size chunks and budgets; not a tokenizer.
 */
public final class TokenEstimator {

    public static final int CHARACTERS_PER_TOKEN = 4;

    private TokenEstimator() {
    }

    /** ceil(characters / 4). */
    public static int estimate(int characters) {
        return (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
    }

    public static int estimate(CharSequence text) {
        return estimate(text.length());
    }

    /** The most characters whose estimate stays within {@code tokens}. */
    public static int characters(int tokens) {
        return Math.multiplyExact(tokens, CHARACTERS_PER_TOKEN);
    }
}
