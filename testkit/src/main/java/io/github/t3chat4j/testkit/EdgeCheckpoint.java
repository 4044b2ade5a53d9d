package io.github.t3chat4j.testkit;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An edge checkpoint in front of the fake t3.chat, as PROTOCOL.md section 9 describes Vercel's: every
 * request without the cookie its JavaScript challenge sets is answered with a status (429 by default),
 * a marker header ({@code x-vercel-mitigated: challenge} by default) and the "Vercel Security Checkpoint"
 * page, whose script computes a value from a nonce, sets it as the {@value #COOKIE} cookie and reloads.
 * A client that runs the script (a browser) passes; one that does not (the JVM's client, curl) never
 * does, whatever its headers. Install it with {@link FakeT3Server#edgeCheckpoint(EdgeCheckpoint)}.
 * Immutable.
 */
public final class EdgeCheckpoint {

    /** The cookie a passed challenge sets (the name Vercel's uses). */
    public static final String COOKIE = "_vcrcs";
    /** The page's title, as a browser shows it while the challenge runs. */
    public static final String TITLE = "Vercel Security Checkpoint";

    private static final int ROUNDS = 2000;

    private final int status;
    private final Optional<String> header;
    private final boolean solvable;
    private final String nonce;

    private EdgeCheckpoint(int status, Optional<String> header, boolean solvable, String nonce) {
        this.status = status;
        this.header = header;
        this.solvable = solvable;
        this.nonce = nonce;
    }

    /** Vercel's as reported: 429, {@code x-vercel-mitigated: challenge}, the page and its challenge. */
    public static EdgeCheckpoint vercel() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return new EdgeCheckpoint(429, Optional.of("x-vercel-mitigated"), true, HexFormat.of().formatHex(random));
    }

    /** The same checkpoint answering with {@code value} instead of 429 (403 has been seen too). */
    public EdgeCheckpoint withStatus(int value) {
        return new EdgeCheckpoint(value, header, solvable, nonce);
    }

    /** Marked with {@code name: challenge} ({@code cf-mitigated}, say) instead of {@code x-vercel-mitigated}. */
    public EdgeCheckpoint withMarker(String name) {
        return new EdgeCheckpoint(status, Optional.of(requireNonNull(name, "name == null")), solvable, nonce);
    }

    /** Without a marker header: only the page gives it away. */
    public EdgeCheckpoint withoutMarker() {
        return new EdgeCheckpoint(status, Optional.empty(), solvable, nonce);
    }

    /** A checkpoint no client passes: its page has no challenge to run (a browser is turned away too). */
    public EdgeCheckpoint unsolvable() {
        return new EdgeCheckpoint(status, header, false, nonce);
    }

    /** Whether {@code request} carries the cookie of a passed challenge. */
    public boolean passes(RecordedRequest request) {
        return solvable && request.cookie(COOKIE).filter(answer()::equals).isPresent();
    }

    /** The status of the answer it turns clients away with. */
    public int status() {
        return status;
    }

    /** Answers {@code exchange} with the checkpoint. */
    void turnAway(HttpExchange exchange) throws IOException {
        byte[] page = page().getBytes(StandardCharsets.UTF_8);
        header.ifPresent(name -> exchange.getResponseHeaders().set(name, "challenge"));
        exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("cache-control", "private, no-store, max-age=0");
        exchange.sendResponseHeaders(status, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    /** The value the challenge computes: rounds of 32-bit FNV-1a over the nonce, in hexadecimal. */
    String answer() {
        int hash = 0x811c9dc5;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < nonce.length(); i++) {
                hash = (hash ^ nonce.charAt(i)) * 0x01000193;
            }
            hash = (hash ^ round) * 0x01000193;
        }
        return Integer.toHexString(hash);
    }

    private String page() {
        String challenge = !solvable ? "" : """
                <script>
                (() => {
                  const nonce = '%s';
                  let hash = 0x811c9dc5;
                  for (let round = 0; round < %d; round++) {
                    for (let i = 0; i < nonce.length; i++) {
                      hash = Math.imul(hash ^ nonce.charCodeAt(i), 0x01000193) >>> 0;
                    }
                    hash = Math.imul(hash ^ round, 0x01000193) >>> 0;
                  }
                  document.cookie = '%s=' + hash.toString(16) + '; path=/; SameSite=Lax'
                      + (location.protocol === 'https:' ? '; Secure' : '');
                  location.reload();
                })();
                </script>
                """.formatted(nonce, ROUNDS, COOKIE);
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                <body><main><h1>We're verifying your browser</h1>
                <p>Website owner? Click here to fix.</p></main>
                %s</body></html>
                """.formatted(TITLE, challenge);
    }

    @Override
    public String toString() {
        return "EdgeCheckpoint[" + status + ", " + header.orElse("no marker") + (solvable ? "" : ", unsolvable") + "]";
    }
}
