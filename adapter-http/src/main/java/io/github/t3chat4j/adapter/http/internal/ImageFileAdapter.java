package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.NotConfiguredException;
import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import io.github.t3chat4j.domain.message.ImageTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves a downloaded image at the exact path its caller gave, so that downloading to a path needs nothing
 * but the HTTP adapters: the bytes stream into a temporary file beside it, which is then moved into place
 * (a failure leaves no partial file). A name of the store's choosing needs an image store (the storage
 * adapters), which wins over this when both are given. Thread-safe.
 */
public final class ImageFileAdapter implements SaveImagePort {

    @Override
    public Path save(InputStream bytes, ImageTarget target) {
        requireNonNull(bytes, "bytes == null");
        Path path = requireNonNull(target, "target == null").path().orElseThrow(() -> new NotConfiguredException(
                "Saving an image under a name of the store's choosing needs an image store (the storage"
                        + " adapters, StorageAdapters); give it a path instead."))
                .toAbsolutePath();
        Path temporary = null;
        try {
            Path folder = Files.createDirectories(path.getParent());
            temporary = Files.createTempFile(folder, "." + path.getFileName() + "-", ".part");
            Files.copy(bytes, temporary, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return path;
        } catch (IOException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The save failed already; the temporary file is in the same folder, named as one.
                }
            }
            throw new StorageException("Could not save the image at " + path + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").", e);
        }
    }
}
