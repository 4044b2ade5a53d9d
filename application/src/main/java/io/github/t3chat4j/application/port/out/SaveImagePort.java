package io.github.t3chat4j.application.port.out;

import io.github.t3chat4j.domain.message.ImageTarget;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Saves image bytes, streaming them (never all in memory), atomically: a failure leaves no partial
 * file behind. Returns where the file now is. Throws
 * {@link io.github.t3chat4j.application.error.T3ChatException} subtypes on failure.
 */
@FunctionalInterface
public interface SaveImagePort {

    Path save(InputStream bytes, ImageTarget target);
}
