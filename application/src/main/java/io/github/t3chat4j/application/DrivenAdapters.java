package io.github.t3chat4j.application;

/**
 * A ready set of driven adapters, such as the HTTP adapters ({@code HttpAdapters}) or the file stores
 * ({@code StorageAdapters}), handed to a builder in one call:
 * {@code T3Client.builder().cookies(..).adapters(HttpAdapters.create(config)).build()}. The client closes
 * it when it is closed.
 */
public interface DrivenAdapters extends AutoCloseable {

    /** Sets every port these adapters implement. */
    void contributeTo(DrivenPorts.Builder ports);

    /** Releases what the adapters hold (a connection pool, say); nothing by default. */
    @Override
    default void close() {
    }
}
