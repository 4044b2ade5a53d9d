/**
 * The browser adapter: reads the t3.chat session a browser on this machine keeps (cookies and the convex
 * session id) for {@code t3 login --from-browser}. Public: {@link io.github.t3chat4j.adapter.browser.BrowserAdapters},
 * {@link io.github.t3chat4j.adapter.browser.BrowserAdapterModule} and
 * {@link io.github.t3chat4j.adapter.browser.BrowserConfig}; the readers live in {@code internal}. SQLite,
 * Snappy, LevelDB and the cookie crypto stay inside this adapter.
 */
package io.github.t3chat4j.adapter.browser;
