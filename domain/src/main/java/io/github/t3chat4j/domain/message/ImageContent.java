package io.github.t3chat4j.domain.message;

import static java.util.Objects.requireNonNull;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * An image a reply carries: a URL to download, or bytes already inline (a {@code data:} URL), plus
 * the base64 copy and the local file once they are known. Immutable.
 */
public final class ImageContent {

    private final String url;
    private final String base64Data;
    private final String mediaType;
    private final String localPath;

    private ImageContent(String url, String base64Data, String mediaType, String localPath) {
        this.url = url;
        this.base64Data = base64Data;
        this.mediaType = mediaType;
        this.localPath = localPath;
    }

    /**
     * An image from a URL as the stream carries it. A {@code data:image/<fmt>;base64,<data>} URL is
     * decoded at once: its bytes need no download.
     *
     * @throws IllegalArgumentException if the URL is blank or a malformed {@code data:} URL
     */
    public static ImageContent fromUrl(String url) {
        requireNonNull(url, "image url == null");
        String trimmed = url.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("An image URL cannot be blank.");
        }
        if (trimmed.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = trimmed.indexOf(',');
            String header = comma < 0 ? "" : trimmed.substring(5, comma).toLowerCase(Locale.ROOT);
            if (comma < 0 || !header.endsWith(";base64")) {
                throw new IllegalArgumentException("An inline image must be a base64 data: URL.");
            }
            String data = trimmed.substring(comma + 1).strip();
            try {
                Base64.getMimeDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("An inline image's base64 data is malformed.");
            }
            String type = header.substring(0, header.length() - ";base64".length());
            return new ImageContent(null, data, type.isEmpty() ? "image/png" : type, null);
        }
        return new ImageContent(trimmed, null, null, null);
    }

    /** The URL to download from; empty for an inline image. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The image bytes as base64, once downloaded or when inline. */
    public Optional<String> base64Data() {
        return Optional.ofNullable(base64Data);
    }

    /** The media type, such as {@code image/png}, when known. */
    public Optional<String> mediaType() {
        return Optional.ofNullable(mediaType);
    }

    /** Where the image was saved, once saved. */
    public Optional<String> localPath() {
        return Optional.ofNullable(localPath);
    }

    /** True when the bytes came inline and no download is needed. */
    public boolean isInline() {
        return url == null;
    }

    /** The decoded bytes, when the base64 copy is known. */
    public Optional<byte[]> bytes() {
        return base64Data().map(b -> Base64.getMimeDecoder().decode(b));
    }

    public ImageContent withBase64Data(String data, String type) {
        return new ImageContent(url, requireNonNull(data, "data == null"), type == null ? mediaType : type, localPath);
    }

    public ImageContent withLocalPath(String path) {
        return new ImageContent(url, base64Data, mediaType, requireNonNull(path, "path == null"));
    }

    /** Restores a stored image reference; any argument may be null, but not both url and data. */
    public static ImageContent restore(String url, String base64Data, String mediaType, String localPath) {
        if (url == null && base64Data == null && localPath == null) {
            throw new IllegalArgumentException("An image needs a URL, inline data or a local file.");
        }
        return new ImageContent(url, base64Data, mediaType, localPath);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageContent that
                && java.util.Objects.equals(url, that.url)
                && java.util.Objects.equals(base64Data, that.base64Data)
                && java.util.Objects.equals(mediaType, that.mediaType)
                && java.util.Objects.equals(localPath, that.localPath);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(url, base64Data, mediaType, localPath);
    }

    @Override
    public String toString() {
        return "ImageContent[" + (url != null ? url : "inline " + mediaType)
                + (base64Data != null ? ", " + base64Data.length() + " base64 chars" : "")
                + (localPath != null ? ", saved at " + localPath : "") + "]";
    }
}
