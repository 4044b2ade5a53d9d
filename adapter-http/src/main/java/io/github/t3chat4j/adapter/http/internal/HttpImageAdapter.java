package io.github.t3chat4j.adapter.http.internal;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.adapter.http.HttpConfig;
import io.github.t3chat4j.application.error.BlockedByBotProtectionException;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.SessionExpiredException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.application.port.out.FetchImagePort;
import io.github.t3chat4j.application.port.out.FetchedImage;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Downloads a generated image from its storage host (PROTOCOL.md section 4) with a plain GET: no
 * t3.chat cookie, no Origin or Referer, redirects followed. Only {@code http}/{@code https} URLs are
 * accepted. The body is streamed, never buffered; a declared length over {@link HttpConfig#maxImageBytes()}
 * fails at once, and a body that grows past it fails while being read (an {@link IOException}).
 * Thread-safe.
 */
public final class HttpImageAdapter implements FetchImagePort {

    private static final String DESCRIPTION = "GET image";

    private final HttpTransport transport;
    private final HttpConfig config;

    public HttpImageAdapter(HttpTransport transport, HttpConfig config) {
        this.transport = requireNonNull(transport, "transport == null");
        this.config = requireNonNull(config, "config == null");
    }

    @Override
    public FetchedImage fetch(URI url) {
        requireNonNull(url, "url == null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new InvalidInputException("Only http and https image URLs can be downloaded, not '"
                    + (scheme.isEmpty() ? "(no scheme)" : scheme) + ":'.");
        }
        HttpTransport.Exchange exchange;
        try {
            exchange = transport.open(() -> get(url), DESCRIPTION, Redactor.none());
        } catch (SessionExpiredException | BlockedByBotProtectionException refused) {
            // 401/403 from a storage host says nothing about the t3.chat session.
            throw new UnexpectedResponseException("The image host " + url.getHost() + " refused the download"
                    + " (HTTP 401/403); the image link may have expired.", 403);
        }
        HttpEntity entity = exchange.response().getEntity();
        long length = entity == null ? 0 : entity.getContentLength();
        long cap = config.maxImageBytes();
        if (length > cap) {
            exchange.abort();
            exchange.close();
            throw new UnexpectedResponseException("The image at " + url.getHost() + " is " + length
                    + " bytes, over the limit of " + cap + " bytes.", 0);
        }
        String mediaType = entity == null || entity.getContentType() == null ? ""
                : entity.getContentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        InputStream body;
        try {
            body = entity == null ? InputStream.nullInputStream() : entity.getContent();
        } catch (IOException e) {
            exchange.abort();
            exchange.close();
            throw HttpErrorMapper.forIo(DESCRIPTION, url.getHost(), e, Redactor.none());
        }
        return new FetchedImage(new CappedBody(body, cap, exchange), mediaType, length);
    }

    private HttpGet get(URI url) {
        HttpGet get = new HttpGet(url);
        get.setConfig(HttpClientFactory.requestConfig(config, true));
        get.setHeader("User-Agent", config.userAgent());
        get.setHeader("Accept", "image/avif,image/webp,image/png,image/*;q=0.8,*/*;q=0.5");
        return get;
    }

    /** Counts the bytes read and fails past the cap; closing releases (or drops) the connection. */
    private static final class CappedBody extends FilterInputStream {
        private final long cap;
        private final HttpTransport.Exchange exchange;
        private long count;
        private boolean ended;

        CappedBody(InputStream in, long cap, HttpTransport.Exchange exchange) {
            super(in);
            this.cap = cap;
            this.exchange = exchange;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                ended = true;
            } else {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                ended = true;
            } else {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws IOException {
            count += n;
            if (count > cap) {
                exchange.abort();
                throw new IOException("The image is larger than the limit of " + cap + " bytes; download stopped.");
            }
        }

        @Override
        public void close() {
            if (!ended) {
                exchange.abort();
            }
            exchange.close();
        }
    }
}
