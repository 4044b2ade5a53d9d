package io.github.t3chat4j.adapter.storage;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.domain.message.ImageTarget;
import io.github.t3chat4j.application.port.out.SaveImagePort;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * Streams image bytes to a file through {@link AtomicFiles}, 64 KiB at a time. The extension comes from
 * the bytes when the target has none. A name derived from a hint always lands directly inside the
 * image folder; an explicit {@link ImageTarget#at} path is used as the caller gave it, except that an
 * existing folder gets a new {@code image-<yyyyMMdd-HHmmss>.<ext>} file inside it.
 */
final class FileImageAdapter implements SaveImagePort {

    private static final int BUFFER = 64 * 1024;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final AtomicFiles files;
    private final Clock clock;

    FileImageAdapter(StorageConfig config, AtomicFiles files, Clock clock) {
        this.folder = requireNonNull(config, "config == null").imagesDir();
        this.files = requireNonNull(files, "files == null");
        this.clock = requireNonNull(clock, "clock == null");
    }

    @Override
    public Path save(InputStream bytes, ImageTarget target) {
        requireNonNull(bytes, "bytes == null");
        requireNonNull(target, "target == null");
        BufferedInputStream in = new BufferedInputStream(bytes, BUFFER);
        ImageFormat format = ImageFormat.detect(peekHeader(in));
        Path destination = target.path().map(path -> explicit(path, format))
                .orElseGet(() -> generated(target.nameHint(), format));
        files.write(destination, out -> copy(in, out));
        return destination;
    }

    private Path explicit(Path path, ImageFormat format) {
        Path absolute = path.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            // "Save it in ~/Pictures" means a new file in that folder, not a sibling named Pictures.png.
            return inside(absolute.normalize(), Slugs.FALLBACK, format);
        }
        Path name = absolute.getFileName();
        if (name == null) {
            throw new InvalidInputException("An image needs a file name, not the folder " + path + ".");
        }
        return hasExtension(name.toString()) ? absolute : absolute.resolveSibling(name + "." + format.extension());
    }

    private Path generated(String hint, ImageFormat format) {
        return inside(folder.toAbsolutePath().normalize(), Slugs.slug(hint), format);
    }

    /** {@code <slug>-<yyyyMMdd-HHmmss>[-n].<ext>} directly inside {@code base}, not yet taken. */
    private Path inside(Path base, String slug, ImageFormat format) {
        String stem = slug + "-" + STAMP.format(clock.instant().atZone(clock.getZone()));
        Path candidate = base.resolve(stem + "." + format.extension());
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = base.resolve(stem + "-" + n + "." + format.extension());
        }
        // The slug cannot hold a separator or "..", but keep the guarantee explicit.
        if (!base.equals(candidate.normalize().getParent())) {
            throw new InvalidInputException("The image name derived from the hint leaves the image folder.");
        }
        return candidate;
    }

    private static boolean hasExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1;
    }

    private static byte[] peekHeader(BufferedInputStream in) {
        try {
            in.mark(ImageFormat.HEADER_LENGTH);
            byte[] header = in.readNBytes(ImageFormat.HEADER_LENGTH);
            in.reset();
            return header;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
        }
    }

    /** A failure of the source (usually a download), not of the disk. */
    private static TransportException unreadable(IOException e) {
        return new TransportException("The image bytes could not be read while saving: " + e.getMessage(), e);
    }
}
