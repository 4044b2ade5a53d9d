package io.github.t3chat4j.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's stored settings (the CLI's config file): string keys such as {@link #COOKIES} to string
 * values. It holds secrets, so implementations keep it readable by its owner only and write it
 * atomically. Throws {@link io.github.t3chat4j.application.error.StorageException} naming the file and
 * the cause when it cannot be read or written.
 */
public interface SettingsStorePort {

    /** The key of the stored cookie string. */
    String COOKIES = "COOKIES";
    /**
     * The key of when the stored cookie string was last renewed (an ISO-8601 instant), kept by the session
     * store beside {@link #COOKIES}; setting the cookie string any other way removes it.
     */
    String COOKIES_RENEWED_AT = "COOKIES_RENEWED_AT";
    /** The key of the stored convex session id. */
    String CONVEX_SESSION_ID = "CONVEX_SESSION_ID";
    /** The key of the stored key that clients of the OpenAI-compatible gateway present. */
    String GATEWAY_KEY = "T3_GATEWAY_KEY";

    /** Every stored setting; empty when nothing is stored yet. */
    Map<String, String> loadSettings();

    /** Sets each key to its value, or removes it when the value is empty; other keys stay as they are. */
    void updateSettings(Map<String, Optional<String>> changes);

    /** Where the settings are kept, for messages (a file path). */
    String location();

    /**
     * Sentences about risks the store noticed without failing, such as a settings file that other users
     * can read; none by default.
     */
    default List<String> warnings() {
        return List.of();
    }
}
