package io.github.t3chat4j.adapter.http.internal.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The head of the final response in curl's {@code --include} output: status line and header fields up
 * to the blank line, skipping interim {@code 1xx} answers and, when curl follows redirects, the heads
 * of the redirects it followed. The body follows in the same stream.
 */
record CurlHead(String protocol, int status, List<Header> headers) {

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADS = 20;

    /**
     * Reads the head of the final response from {@code in}.
     *
     * @return empty when the output ended before a whole head (curl failed; its exit code says why)
     * @throws IOException when the output is not an HTTP head
     */
    static Optional<CurlHead> read(InputStream in, boolean followRedirects) throws IOException {
        for (int i = 0; i < MAX_HEADS; i++) {
            Optional<CurlHead> head = readOne(in);
            if (head.isEmpty()) {
                return head;
            }
            int status = head.get().status();
            boolean followed = followRedirects && isRedirect(status) && head.get().header("Location").isPresent();
            if (status >= 200 || status == 101) {
                if (!followed) {
                    return head;
                }
            }
        }
        throw new IOException("curl printed more than " + MAX_HEADS + " response heads.");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Optional<CurlHead> readOne(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return Optional.empty();
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("curl's output does not start with an HTTP status line.");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("curl's output has no HTTP status code.", e);
        }
        List<Header> headers = new ArrayList<>();
        for (String line = line(in); ; line = line(in)) {
            if (line == null) {
                return Optional.empty();
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                try {
                    headers.add(new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
                } catch (IllegalArgumentException malformed) {
                    // A header no request of ours could use; the others still count.
                }
            }
        }
        String protocol = parts[0].equals("HTTP/2") ? "HTTP/2.0" : parts[0].equals("HTTP/3") ? "HTTP/3.0" : parts[0];
        return Optional.of(new CurlHead(protocol, status, List.copyOf(headers)));
    }

    /** One line without its CRLF or LF, or null at the end of the output. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("A header line in curl's output is longer than " + MAX_LINE + " bytes.");
            }
            line.write(b);
        }
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(Header::value).findFirst();
    }
}
