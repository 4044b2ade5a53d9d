/**
 * The browser adapter's implementation: {@link io.github.t3chat4j.adapter.browser.internal.BrowserSessionAdapter}
 * hands each browser to the reader of its family.
 */
package io.github.t3chat4j.adapter.browser.internal;
