/**
 * Chromium and the browsers built on it (Chrome, Brave, Edge): profiles in the user-data folder, cookies
 * in {@code Cookies} (values encrypted: {@code v10} with a fixed key on Linux or the Keychain's on macOS,
 * {@code v11} with the desktop keyring's), and the site's local storage in {@code Local Storage/leveldb}.
 */
package io.github.t3chat4j.adapter.browser.internal.chromium;
