/** Credentials: the browser's cookie string and the convex session id, always redacted when printed. */
package io.github.t3chat4j.domain.session;
