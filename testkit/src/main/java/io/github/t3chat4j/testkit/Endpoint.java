package io.github.t3chat4j.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Answers requests to one path of the fake server. The request was already read and recorded; the
 * endpoint writes the whole answer to {@code exchange}.
 */
@FunctionalInterface
public interface Endpoint {

    void handle(HttpExchange exchange, RecordedRequest request) throws IOException, InterruptedException;
}
