package io.github.t3chat4j.testkit;

import java.io.IOException;

/**
 * How the fake server answers one valid {@code POST /api/chat}. Write the answer through the
 * {@link ChatExchange}; see {@link Scenarios} for the stock ones.
 */
@FunctionalInterface
public interface ChatScenario {

    void respond(ChatExchange exchange) throws IOException, InterruptedException;
}
