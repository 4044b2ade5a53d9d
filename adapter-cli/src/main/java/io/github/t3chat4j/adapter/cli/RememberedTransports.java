package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The transport that got through t3.chat's checkpoint, per site: what {@code t3} writes to the config
 * file (and only reads from there) under {@link #KEY} after a fallback, so that
 * later runs start with it. The value lists {@code origin=transport} pairs separated by {@code ;}, such as
 * {@code https://t3.chat=browser}. Immutable.
 */
public final class RememberedTransports {

    /** The key of the config file it is kept under. */
    public static final String KEY = "T3_REMEMBERED_TRANSPORTS";

    private final Map<String, String> byOrigin;

    private RememberedTransports(Map<String, String> byOrigin) {
        this.byOrigin = Map.copyOf(byOrigin);
    }

    /** What {@code value} holds; pairs that are not {@code origin=transport} are skipped. */
    public static RememberedTransports parse(String value) {
        Map<String, String> byOrigin = new LinkedHashMap<>();
        for (String pair : requireNonNull(value, "value == null").split(";")) {
            int eq = pair.lastIndexOf('=');
            if (eq > 0 && eq < pair.length() - 1) {
                byOrigin.put(TrustBoundary.origin(pair.substring(0, eq).strip()), pair.substring(eq + 1).strip());
            }
        }
        return new RememberedTransports(byOrigin);
    }

    /** The transport remembered for the site at {@code origin}. */
    public Optional<String> forOrigin(String origin) {
        return Optional.ofNullable(byOrigin.get(TrustBoundary.origin(origin)));
    }

    /** With {@code transport} remembered for {@code origin}. */
    public RememberedTransports with(String origin, String transport) {
        Map<String, String> updated = new LinkedHashMap<>(byOrigin);
        updated.put(TrustBoundary.origin(origin), requireNonNull(transport, "transport == null"));
        return new RememberedTransports(updated);
    }

    /** The site of {@code baseUrl} as it is remembered: {@code scheme://host[:port]}. */
    public static String siteOf(java.net.URI baseUrl) {
        return TrustBoundary.origin(baseUrl);
    }

    /** The value to store. */
    public String value() {
        StringBuilder text = new StringBuilder();
        byOrigin.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (text.length() > 0) {
                text.append(';');
            }
            text.append(entry.getKey()).append('=').append(entry.getValue());
        });
        return text.toString();
    }

    @Override
    public String toString() {
        return "RememberedTransports[" + value() + "]";
    }
}
