package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.FetchedImage;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/**
 * Downloads a generated image from its storage host (PROTOCOL.md section 4) with a plain GET: no
 * t3.chat cookie, no Origin or Referer, redirects followed. Only {@code http}/{@code https} URLs are
 * accepted. The body is streamed, never buffered; a declared length over the cap fails at once, and a
 * body that grows past it fails while being read (an {@link java.io.IOException}). Thread-safe.
 */
public final class HttpImageAdapter implements FetchImagePort {

    private static final String DESCRIPTION = "GET image";

    private final HttpPipeline pipeline;
    private final long maxImageBytes;

    public HttpImageAdapter(HttpPipeline pipeline, long maxImageBytes) {
        this.pipeline = requireNonNull(pipeline, "pipeline == null");
        this.maxImageBytes = maxImageBytes;
    }

    @Override
    public FetchedImage fetch(URI url) {
        requireNonNull(url, "url == null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new InvalidInputException("Only http and https image URLs can be downloaded, not '"
                    + (scheme.isEmpty() ? "(no scheme)" : scheme) + ":'.");
        }
        OpenResponse response;
        try {
            response = pipeline.open(HttpCall.get(url, DESCRIPTION)
                    .header("Accept", "image/avif,image/webp,image/png,image/*;q=0.8,*/*;q=0.5")
                    .followRedirects().build());
        } catch (SessionExpiredException | BlockedByBotProtectionException refused) {
            // 401/403 from a storage host says nothing about the t3.chat session.
            throw new UnexpectedResponseException("The image host " + url.getHost() + " refused the download"
                    + " (HTTP 401/403); the image link may have expired.", 403);
        }
        long length = response.contentLength();
        if (length > maxImageBytes) {
            response.abort();
            response.close();
            throw new UnexpectedResponseException("The image at " + url.getHost() + " is " + length
                    + " bytes, over the limit of " + maxImageBytes + " bytes.", 0);
        }
        InputStream body = BoundedBody.capped(response.body(), maxImageBytes);
        return new FetchedImage(new ReleasingBody(body, response), response.mediaType(), length);
    }

    /** Closing the image releases the exchange: reused when read to its end, else dropped. */
    private static final class ReleasingBody extends FilterInputStream {
        private final OpenResponse response;

        ReleasingBody(InputStream in, OpenResponse response) {
            super(in);
            this.response = response;
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
