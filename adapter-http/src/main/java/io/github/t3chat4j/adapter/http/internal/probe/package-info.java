/**
 * Not API. {@code t3 doctor}'s driven port: {@link io.github.t3chat4j.adapter.http.internal.probe.HttpConnectionProbeAdapter}
 * checks proxy, DNS and TLS towards the site and sends each kind of request once with a named transport.
 */
package io.github.t3chat4j.adapter.http.internal.probe;
