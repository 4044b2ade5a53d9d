package io.github.t3chat4j.domain.message;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an image should be saved: an exact path the user chose, or a name the store derives from a
 * hint (a prompt, a URL) inside its own folder.
 */
public final class ImageTarget {

    private final Path path;
    private final String nameHint;

    private ImageTarget(Path path, String nameHint) {
        this.path = path;
        this.nameHint = nameHint;
    }

    /** Save exactly here; the store adds an extension from the bytes when the name has none. */
    public static ImageTarget at(Path path) {
        return new ImageTarget(requireNonNull(path, "path == null"), "");
    }

    /** Save in the store's folder under a name derived from {@code hint} and the time. */
    public static ImageTarget generated(String hint) {
        return new ImageTarget(null, requireNonNull(hint, "hint == null"));
    }

    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    public String nameHint() {
        return nameHint;
    }

    @Override
    public String toString() {
        return path != null ? "ImageTarget[" + path + "]" : "ImageTarget[generated from '" + nameHint + "']";
    }
}
