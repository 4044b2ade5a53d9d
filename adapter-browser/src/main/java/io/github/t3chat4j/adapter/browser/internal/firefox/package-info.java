/**
 * Firefox and the forks that keep its layout: profiles found through {@code profiles.ini}, cookies in
 * {@code cookies.sqlite}, the site's local storage in {@code storage/default/https+++t3.chat/ls/data.sqlite}
 * (values may be Snappy-compressed) or, in old profiles, {@code webappsstore.sqlite}.
 */
package io.github.t3chat4j.adapter.browser.internal.firefox;
