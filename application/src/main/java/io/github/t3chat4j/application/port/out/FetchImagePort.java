package io.github.t3chat4j.application.port.out;

import java.net.URI;

/**
 * Downloads an image from its storage host with a plain GET that carries <em>no</em> t3.chat cookie.
 * Only {@code http} and {@code https} are allowed; bodies over the adapter's size cap fail while
 * streaming. Throws {@link io.github.t3chat4j.application.error.InvalidInputException} for a refused
 * URL and {@link io.github.t3chat4j.application.error.T3ChatException} subtypes for HTTP failures.
 */
@FunctionalInterface
public interface FetchImagePort {

    FetchedImage fetch(URI url);
}
