package io.github.t3chat4j.adapter.openai;

import io.github.t3chat4j.adapter.openai.internal.emulation.EmulatedTurn;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationException;
import io.github.t3chat4j.adapter.openai.internal.emulation.EmulationRequest;
import io.github.t3chat4j.adapter.openai.internal.emulation.Prompt;
import java.security.SecureRandom;
import java.util.function.Function;

/** What the OpenAI endpoints share about the emulation: starting a turn, ids, usage estimates. */
final class Emulations {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Emulations() {
    }

    /**
     * The turn of {@code request}, whose calls get ids starting with {@code idPrefix}; a schema the
     * emulation cannot use is a 400 naming the field {@code params} gives.
     */
    static EmulatedTurn turn(EmulationRequest request, String idPrefix,
            Function<EmulationException.Subject, String> params) {
        try {
            return new EmulatedTurn(request, () -> id(idPrefix));
        } catch (EmulationException e) {
            throw ApiErrorException.badRequest(params.apply(e.subject()), e.getMessage());
        }
    }

    /** {@code prefix} and 24 random letters and digits. */
    static String id(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** Estimated tokens of what t3.chat is sent. */
    static int promptTokens(Prompt prompt) {
        int tokens = CompletionJson.tokens(prompt.system());
        for (Prompt.Message message : prompt.messages()) {
            tokens += CompletionJson.tokens(message.text());
        }
        return tokens;
    }
}
