/**
 * Driven adapter that owns the disk: the one atomic writer ({@code AtomicFiles}: a temporary file in the
 * same folder, owner-only, forced to disk and moved into place), the XDG folders
 * ({@link io.github.t3chat4j.adapter.storage.XdgDirectories}), the config file that holds the login, the
 * model catalogue cache, the conversation store (one JSON document per thread), the image store, the
 * browser history import and conversation export. The public types are
 * {@link io.github.t3chat4j.adapter.storage.StorageConfig},
 * {@link io.github.t3chat4j.adapter.storage.XdgDirectories},
 * {@link io.github.t3chat4j.adapter.storage.StorageAdapters} and
 * {@link io.github.t3chat4j.adapter.storage.StorageAdapterModule}; the adapters themselves are
 * package-private. A failed read or write is a
 * {@link io.github.t3chat4j.application.error.StorageException} naming the file and the cause.
 */
package io.github.t3chat4j.adapter.storage;
