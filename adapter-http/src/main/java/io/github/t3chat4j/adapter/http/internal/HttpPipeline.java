package io.github.t3chat4j.adapter.http.internal;

/**
 * The one exchange every request of the HTTP adapter goes through. It adds the headers every request
 * carries ({@code User-Agent}, {@code Accept-Language}), retries what failed before any reply began
 * (429, 502, 503 and 504, honouring {@code Retry-After}, and requests that were never sent), turns any
 * other non-2xx answer or I/O failure into the application's exceptions with secrets scrubbed, and
 * hands back an open 2xx response. Thread-safe.
 */
@FunctionalInterface
public interface HttpPipeline {

    /**
     * Sends {@code call} until it is answered with a 2xx status or the retries run out.
     *
     * @return the open response; the caller reads its body and closes it
     * @throws io.github.t3chat4j.application.error.T3ChatException subtypes, as {@link HttpErrorMapper} maps them
     */
    OpenResponse open(HttpCall call);
}
