/**
 * Driven adapter for local files: the image store, the conversation store (one JSON document per thread
 * under {@code $XDG_DATA_HOME/t3chat4j/}), the browser history import and conversation export. Every
 * write goes to a temporary file in the same folder and is moved into place atomically, with owner-only
 * permissions on POSIX. Only {@link io.github.t3chat4j.adapter.storage.StorageConfig},
 * {@link io.github.t3chat4j.adapter.storage.StorageAdapterModule} and
 * {@link io.github.t3chat4j.adapter.storage.StorageAdapters} are public.
 */
package io.github.t3chat4j.adapter.storage;
