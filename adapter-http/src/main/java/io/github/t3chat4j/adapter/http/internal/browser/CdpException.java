package io.github.t3chat4j.adapter.http.internal.browser;

import java.io.IOException;

/** The browser answered a DevTools command with an error, or the connection to it ended. */
public final class CdpException extends IOException {

    private static final long serialVersionUID = 1L;

    public CdpException(String message) {
        super(message);
    }

    public CdpException(String message, Throwable cause) {
        super(message, cause);
    }
}
