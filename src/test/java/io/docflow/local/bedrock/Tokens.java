package io.docflow.local.bedrock;

/** The local model's token estimate: one token per four characters, as a rule of thumb for English text. */
final class Tokens {

    static final int CHARS_PER_TOKEN = 4;

    private Tokens() {
    }

    static int of(int chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    static int of(String text) {
        return of(text.length());
    }
}
