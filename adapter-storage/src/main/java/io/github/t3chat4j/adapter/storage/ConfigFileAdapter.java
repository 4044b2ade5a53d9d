package io.github.t3chat4j.adapter.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.error.StorageException;
import io.github.t3chat4j.application.port.out.SaveSessionPort;
import io.github.t3chat4j.application.port.out.SettingsStorePort;
import io.github.t3chat4j.domain.session.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The user's settings, login included, in one {@link Properties} file read and written as UTF-8. An update
 * merges into what is stored and goes through {@link AtomicFiles}, so the file stays owner-only; a rotated
 * session cookie is written back under {@link SettingsStorePort#COOKIES}, and the time of every renewal
 * under {@link SettingsStorePort#COOKIES_RENEWED_AT} (a cookie set any other way, by {@code t3 login} say,
 * loses that time). Updates of one file within this process are serialised. Messages name the file and
 * never a value.
 */
final class ConfigFileAdapter implements SettingsStorePort, SaveSessionPort {

    private static final String COMMENT = "t3chat4j settings. They hold your t3.chat login: keep this file private.";
    /** One lock per file, shared by every adapter of this process over it. */
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final AtomicFiles files;
    private final Object lock;

    ConfigFileAdapter(Path file, AtomicFiles files) {
        this.file = requireNonNull(file, "file == null").toAbsolutePath().normalize();
        this.files = requireNonNull(files, "files == null");
        this.lock = LOCKS.computeIfAbsent(this.file, f -> new Object());
    }

    /**
     * {@inheritDoc} Sorted by key; empty when the file does not exist yet.
     *
     * @throws StorageException naming the file, when it cannot be read or is not a valid properties file
     */
    @Override
    public Map<String, String> loadSettings() {
        Properties stored = read();
        Map<String, String> values = new TreeMap<>();
        stored.stringPropertyNames().forEach(key -> values.put(key, stored.getProperty(key)));
        return Collections.unmodifiableMap(values);
    }

    /**
     * {@inheritDoc} Nothing is written when nothing changes; a file that cannot be read is never replaced.
     *
     * @throws StorageException naming the file and the cause, when it cannot be read or written
     */
    @Override
    public void updateSettings(Map<String, Optional<String>> changes) {
        requireNonNull(changes, "changes == null");
        changes.forEach((key, value) -> {
            requireNonNull(key, "a setting's name == null");
            requireNonNull(value, "the value of " + key + " == null");
            if (key.isBlank()) {
                throw new IllegalArgumentException("A setting needs a name that is not blank.");
            }
        });
        Map<String, Optional<String>> effective = changes;
        if (changes.containsKey(COOKIES) && !changes.containsKey(COOKIES_RENEWED_AT)) {
            // A cookie string nobody renewed here is not known to be fresh.
            effective = new TreeMap<>(changes);
            effective.put(COOKIES_RENEWED_AT, Optional.empty());
        }
        write(effective);
    }

    private void write(Map<String, Optional<String>> changes) {
        synchronized (lock) {
            Properties stored = read();
            Properties updated = new Properties();
            updated.putAll(stored);
            changes.forEach((key, value) -> value.ifPresentOrElse(v -> updated.setProperty(key, v),
                    () -> updated.remove(key)));
            if (!updated.equals(stored)) {
                files.write(file, out -> store(updated, out));
            }
        }
    }

    @Override
    public String location() {
        return file.toString();
    }

    /** A warning for the file, and one for its folder, when other users may read or enter them. */
    @Override
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (isOpenToOthers(file)) {
            warnings.add(file + " can be read by other users, and it holds your t3.chat login: run chmod 600 "
                    + file + ".");
        }
        Path folder = file.getParent();
        if (folder != null && isOpenToOthers(folder)) {
            warnings.add("the folder " + folder + " is open to other users: run chmod 700 " + folder + ".");
        }
        return warnings;
    }

    private static boolean isOpenToOthers(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
        } catch (IOException | UnsupportedOperationException notThereOrNotPosix) {
            return false;
        }
    }

    /** Stores the session's cookie string under {@link #COOKIES}; an anonymous session has none to keep. */
    @Override
    public void saveSession(Session session) {
        requireNonNull(session, "session == null");
        if (!session.isAnonymous()) {
            updateSettings(Map.of(COOKIES, Optional.of(session.cookies().headerValue())));
        }
    }

    /** Stores the session's cookie string and the time of its renewal together, in one write. */
    @Override
    public void saveRenewedSession(Session session, boolean rotated, Instant renewedAt) {
        requireNonNull(session, "session == null");
        requireNonNull(renewedAt, "renewedAt == null");
        if (!session.isAnonymous()) {
            write(Map.of(COOKIES, Optional.of(session.cookies().headerValue()),
                    COOKIES_RENEWED_AT, Optional.of(renewedAt.toString())));
        }
    }

    /** The stored renewal time, when the stored cookie string is this session's; empty otherwise. */
    @Override
    public Optional<Instant> lastRenewal(Session session) {
        requireNonNull(session, "session == null");
        Properties stored = read();
        String renewedAt = stored.getProperty(COOKIES_RENEWED_AT);
        if (renewedAt == null || session.isAnonymous()
                || !session.cookies().headerValue().equals(stored.getProperty(COOKIES))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(renewedAt.strip()));
        } catch (DateTimeParseException garbled) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "ConfigFileAdapter[" + file + "]";
    }

    private Properties read() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException nothingStoredYet) {
            return properties;
        } catch (CharacterCodingException e) {
            throw unreadable("it is not UTF-8 text", e);
        } catch (IOException e) {
            throw unreadable(IoReasons.of(e), e);
        } catch (IllegalArgumentException e) {
            throw unreadable("it is not a valid properties file (" + complaint(e) + "); fix or delete it", e);
        }
        return properties;
    }

    /** Properties' own complaint, such as "Malformed \\uxxxx encoding", which quotes nothing of the file. */
    private static String complaint(IllegalArgumentException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "unreadable" : message.strip().replaceAll("\\.$", "");
    }

    private StorageException unreadable(String reason, Exception cause) {
        return new StorageException("Could not read the settings in " + file + ": " + reason + ".", cause);
    }

    private static void store(Properties properties, OutputStream out) throws IOException {
        StringWriter text = new StringWriter();
        properties.store(text, COMMENT);
        Writer writer = new OutputStreamWriter(out, UTF_8);
        writer.write(escapeLoneSurrogates(text.toString()));
        writer.flush();
    }

    /**
     * A value read from a {@code \uD800} escape holds half a surrogate pair, which UTF-8 cannot carry
     * (the encoder writes {@code ?}); written back as the escape, it reads back as it was.
     */
    private static String escapeLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
