package io.github.t3chat4j.adapter.cli;

import java.net.URI;
import java.util.Locale;

/**
 * Keeps credentials to the server they belong to, so that a {@code .env} in some folder, or a setting
 * left in the config file, can never redirect a login elsewhere:
 * <ul>
 *   <li>a login stored by {@code t3 login} goes only to the origin it was made for
 *       ({@code T3_LOGIN_ORIGIN}, else https://t3.chat), whoever says otherwise;</li>
 *   <li>credentials from the environment go to another origin only when the address also comes from
 *       the command line or the environment (the same hand that set the credentials);</li>
 *   <li>credentials from a {@code .env} file go wherever that file, the environment or the command line
 *       point: they are that folder's own.</li>
 * </ul>
 */
final class CredentialBinding {

    private CredentialBinding() {
    }

    /**
     * @throws CliException with {@link ExitCode#USAGE} and what to do when {@code base} may not get the
     *     credentials of {@code resolved}
     */
    static void check(Settings resolved, URI base, Settings.Value cookies) {
        String target = origin(base);
        Settings.Source addressSource = resolved.value(Settings.BASE_URL).map(Settings.Value::source)
                .orElse(null);
        switch (cookies.source()) {
            case CONFIG_FILE -> {
                String home = resolved.get(Settings.LOGIN_ORIGIN).map(CredentialBinding::origin)
                        .orElse(origin(URI.create(T3Command.DEFAULT_BASE_URL)));
                if (!home.equals(target)) {
                    throw refused("the login stored by t3 login belongs to " + home, target, addressSource);
                }
            }
            case ENVIRONMENT -> {
                if (!isDefault(target) && addressSource != Settings.Source.FLAG
                        && addressSource != Settings.Source.ENVIRONMENT) {
                    throw refused("COOKIES from the environment are for t3.chat", target, addressSource);
                }
            }
            case DOTENV, FLAG -> {
                // The credentials came with their address (or on the command line): nothing to guard.
            }
            default -> throw new IllegalStateException("Unknown source " + cookies.source());
        }
    }

    /** {@code scheme://host[:port]}, lower case, without a default port. */
    static String origin(String url) {
        try {
            return origin(URI.create(url.strip()));
        } catch (IllegalArgumentException e) {
            return url.strip();
        }
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static boolean isDefault(String origin) {
        return origin.equals(origin(URI.create(T3Command.DEFAULT_BASE_URL)));
    }

    private static CliException refused(String why, String target, Settings.Source addressSource) {
        String address = addressSource == null ? "the default address" : "the address comes from the "
                + addressSource.label();
        return new CliException("refusing to send your t3.chat credentials to " + target + " (" + address + "): "
                + why + ". To talk to another server on purpose, give"
                + " its address with --base-url and its credentials in COOKIES for this run, or run t3 login --base-url"
                + " URL to store a login for it.", ExitCode.USAGE);
    }
}
