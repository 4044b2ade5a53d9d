package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.domain.session.Session;
import io.github.t3chat4j.domain.session.SessionCookies;
import java.util.Map;
import java.util.function.Supplier;

/**
 * t3.chat rotates the {@code wos-session} cookie. When the cookie string came from the config file
 * ({@code t3 login}), closing this stores the rotated one there, so the next command starts from a
 * session the server still accepts. Best effort: a failure is one line on standard error, never the
 * command's failure. Nothing happens for credentials from flags, the environment or {@code .env}.
 */
final class RenewedCookieKeeper implements AutoCloseable {

    private final CliContext context;
    private final Settings resolved;
    private final Supplier<Session> current;

    RenewedCookieKeeper(CliContext context, Settings resolved, Supplier<Session> current) {
        this.context = context;
        this.resolved = resolved;
        this.current = current;
    }

    @Override
    public void close() {
        Settings.Value stored = resolved.value(Settings.COOKIES).orElse(null);
        if (stored == null || stored.source() != Settings.Source.CONFIG_FILE) {
            return;
        }
        SessionCookies renewed = current.get().cookies();
        try {
            if (renewed.equals(SessionCookies.parse(stored.value()))) {
                return;
            }
        } catch (IllegalArgumentException unparsable) {
            return;
        }
        try {
            new ConfigResolver(context).updateConfigFile(Map.of(Settings.COOKIES, renewed.headerValue()));
        } catch (RuntimeException e) {
            context.err().println("t3: could not store the renewed session cookie in the config file ("
                    + e.getClass().getSimpleName() + "); run t3 login again if the next command is refused.");
            context.err().flush();
        }
    }
}
