package io.github.t3chat4j.adapter.http.internal.engine;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.util.List;

/** A response that passes everything to another; a subclass changes what it must. */
abstract class DelegatingResponse implements EngineResponse {
    private final EngineResponse response;

    DelegatingResponse(EngineResponse response) {
        this.response = requireNonNull(response, "response == null");
    }

    @Override
    public int status() {
        return response.status();
    }

    @Override
    public List<Header> headers() {
        return response.headers();
    }

    @Override
    public String protocol() {
        return response.protocol();
    }

    @Override
    public List<String> triedEngines() {
        return response.triedEngines();
    }

    @Override
    public InputStream body() {
        return response.body();
    }

    @Override
    public void abort() {
        response.abort();
    }

    @Override
    public void close() {
        response.close();
    }
}
