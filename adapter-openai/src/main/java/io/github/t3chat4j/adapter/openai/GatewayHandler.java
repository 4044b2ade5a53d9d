package io.github.t3chat4j.adapter.openai;

import io.github.t3chat4j.application.T3Client;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every request to the gateway: checks the key ({@code Authorization: Bearer} or {@code x-api-key}),
 * routes {@code /v1/models}, {@code /v1/chat/completions}, {@code /v1/responses} and
 * {@code /v1/images/generations}, and hands Anthropic's API ({@code /v1/messages}, and the models of a
 * client that sends {@code anthropic-version}) to {@link MessagesEndpoint} (the {@code /v1} prefix may
 * be left out, runs of slashes count as one; {@code HEAD} wherever {@code GET} works; a 405 says what is
 * allowed in {@code Allow}), turns every failure into an OpenAI error body (Anthropic's for its
 * clients), keeps track of the exchanges in flight, and writes one access-log line per
 * request (method, path, status, model, time; never a header or a body).
 */
final class GatewayHandler extends Handler.Abstract {

    private final BearerKey key;
    private final long maxRequestBytes;
    private final InFlight inFlight;
    private final Consumer<String> log;
    private final Clock clock;
    private final ModelsEndpoint models;
    private final ChatCompletionsEndpoint chat;
    private final ImageGenerationsEndpoint images;
    private final ResponsesEndpoint responses;
    private final MessagesEndpoint anthropic;

    GatewayHandler(T3Client client, GatewayConfig config, InFlight inFlight, Consumer<String> log, Clock clock) {
        this.key = new BearerKey(config.apiKey());
        this.maxRequestBytes = config.maxRequestBytes();
        this.inFlight = inFlight;
        this.log = log;
        this.clock = clock;
        T3Upstream t3 = new T3Upstream(client, config.chatSettings(), clock);
        this.models = new ModelsEndpoint(t3);
        this.chat = new ChatCompletionsEndpoint(t3);
        this.images = new ImageGenerationsEndpoint(t3);
        this.responses = new ResponsesEndpoint(t3);
        this.anthropic = new MessagesEndpoint(t3, new AnthropicModelMap(config.anthropicModels()));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = clock.millis();
        Exchange exchange = new Exchange(request, response, callback);
        String path = Request.getPathInContext(request);
        String model = "";
        int status;
        if (!inFlight.enter(exchange)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            exchange.error(new ApiErrorException(503, "server_error", "gateway_shutting_down", null,
                    "The gateway is shutting down.", null));
            log(request, path, 503, model, started);
            return true;
        }
        request.addFailureListener(failure -> exchange.clientGone());
        try {
            model = route(exchange, path);
            status = exchange.isClientGone() ? 499 : response.getStatus();
        } catch (RuntimeException failure) {
            ApiErrorException error = ErrorMapper.map(failure);
            status = exchange.status(error);
            if (exchange.isClientGone()) {
                status = 499;
                if (!exchange.isCompleted()) {
                    callback.failed(failure);
                }
            } else if (exchange.isStreaming()) {
                exchange.errorEvent(error);
                exchange.endEventStream();
            } else if (!exchange.isCompleted()) {
                exchange.error(error);
            }
        } finally {
            inFlight.leave(exchange);
        }
        log(request, path, status, model, started);
        return true;
    }

    /** Dispatches to the endpoint; returns the model used, if any. */
    private String route(Exchange exchange, String rawPath) {
        HttpFields headers = exchange.request().getHeaders();
        if (!key.accepts(headers.get(HttpHeader.AUTHORIZATION)) && !key.acceptsApiKey(headers.get("x-api-key"))) {
            throw new ApiErrorException(401, "invalid_request_error", "invalid_api_key", null,
                    headers.contains(HttpHeader.AUTHORIZATION) || headers.contains("x-api-key")
                            ? "Incorrect API key provided. Use the gateway's key."
                            : "You didn't provide an API key. Send 'Authorization: Bearer <key>' (or 'x-api-key:"
                                    + " <key>') with the gateway's key.", null);
        }
        String normalised = normalised(rawPath);
        String path = normalised.startsWith("/v1/") ? normalised.substring(3) : normalised;
        String method = exchange.method();
        Optional<String> anthropicModel = anthropic.route(exchange, path, rawPath, maxRequestBytes);
        if (anthropicModel.isPresent()) {
            return anthropicModel.get();
        }
        if (path.equals("/models")) {
            requireMethod(method, rawPath, "GET", "HEAD");
            models.list(exchange);
            return "";
        }
        if (path.startsWith("/models/") && path.length() > "/models/".length()) {
            requireMethod(method, rawPath, "GET", "HEAD");
            String id = URLDecoder.decode(path.substring("/models/".length()), StandardCharsets.UTF_8);
            models.one(exchange, id);
            return id;
        }
        if (path.equals("/chat/completions")) {
            requireMethod(method, rawPath, "POST");
            return chat.handle(exchange, maxRequestBytes);
        }
        if (path.equals("/responses")) {
            requireMethod(method, rawPath, "POST");
            return responses.create(exchange, maxRequestBytes);
        }
        if (path.startsWith("/responses/") && path.indexOf('/', "/responses/".length()) < 0
                && path.length() > "/responses/".length()) {
            requireMethod(method, rawPath, "GET", "HEAD", "DELETE");
            String id = URLDecoder.decode(path.substring("/responses/".length()), StandardCharsets.UTF_8);
            if (method.equals("DELETE")) {
                responses.delete(exchange, id);
            } else {
                responses.retrieve(exchange, id);
            }
            return "";
        }
        if (path.equals("/images/generations")) {
            requireMethod(method, rawPath, "POST");
            return images.handle(exchange, maxRequestBytes);
        }
        throw new ApiErrorException(404, "invalid_request_error", "unknown_url", null,
                "Unknown request URL: " + method + " " + RequestFields.shown(rawPath) + ". The gateway serves GET /v1/models,"
                        + " POST /v1/chat/completions, POST /v1/responses (and GET or DELETE /v1/responses/{id}),"
                        + " POST /v1/images/generations, and Anthropic's POST /v1/messages and"
                        + " /v1/messages/count_tokens.", null);
    }

    /**
     * The path with runs of slashes made one: {@code /v1//chat/completions} is what a client makes of a
     * base URL ending in a slash, and means {@code /v1/chat/completions}.
     */
    static String normalised(String path) {
        return path.replaceAll("/{2,}", "/");
    }

    /** 405 with the {@code Allow} header unless {@code method} is one of {@code allowed}. */
    static void requireMethod(String method, String path, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return;
            }
        }
        String list = String.join(", ", allowed);
        throw new ApiErrorException(405, "invalid_request_error", "method_not_allowed", null,
                RequestFields.shown(method) + " is not allowed on " + RequestFields.shown(path) + "; use " + list + ".",
                null).withAllow(list);
    }

    private void log(Request request, String path, int status, String model, long started) {
        log.accept(accessLine(request.getMethod(), path, status, model, clock.millis() - started));
    }

    /** One line of the access log: method, path, status, the model when there is one, and the time taken. */
    static String accessLine(String method, String path, int status, String model, long millis) {
        return method + " " + path + " " + status + (model.isEmpty() ? "" : " " + model) + " " + millis + " ms";
    }
}
