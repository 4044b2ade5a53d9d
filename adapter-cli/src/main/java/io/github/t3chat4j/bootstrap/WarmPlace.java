package io.github.t3chat4j.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where one user's warm process lives, and which one it is. There is one per home folder, JDK,
 * installation (the jar) and JVM options ({@code T3_JAVA_OPTS}): its folder is
 * {@code $XDG_RUNTIME_DIR/t3chat4j/warm/<key>} (else {@code $XDG_STATE_HOME/t3chat4j/warm/<key>}, else under
 * {@code ~/.local/state}), where {@code <key>} is a hash of those four, so nothing of them (and no secret)
 * shows in the path. The folder and its parent are the user's own and private (0700); it holds the socket,
 * the lock that keeps one warm process per key, the log, an empty working folder for the process, and a
 * marker while one is being started. Loads only JDK classes.
 */
final class WarmPlace {

    /** Unix-domain socket paths are limited to about 100 bytes; a longer one is not used. */
    private static final int MAX_SOCKET_PATH = 100;
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final Path folder;
    private final Path jar;
    private final String javaHome;

    private WarmPlace(Path folder, Path jar, String javaHome) {
        this.folder = folder;
        this.jar = jar;
        this.javaHome = javaHome;
    }

    /**
     * The place of the warm process for a run with {@code env}, started from {@code jar} on the JDK at
     * {@code javaHome}; empty when there can be none (no home folder, a path too long for a socket).
     */
    static Optional<WarmPlace> of(Map<String, String> env, String javaHome, Path jar) {
        // Plain code, no lambdas: this runs in the client, where every bootstrap of one costs start-up time.
        Path base = absolute(env.get("XDG_RUNTIME_DIR"));
        if (base == null || !Files.isDirectory(base) || !Files.isWritable(base)) {
            base = absolute(env.get("XDG_STATE_HOME"));
        }
        if (base == null) {
            Path home = absolute(env.get("HOME"));
            base = home == null ? null : home.resolve(".local").resolve("state");
        }
        if (base == null) {
            return Optional.empty();
        }
        String key = key(env.getOrDefault("HOME", ""), javaHome, jar.toString(), env.getOrDefault("T3_JAVA_OPTS", ""));
        Path folder = base.resolve("t3chat4j").resolve("warm").resolve(key);
        if (folder.resolve("socket").toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            return Optional.empty();
        }
        return Optional.of(new WarmPlace(folder, jar, javaHome));
    }

    /** The place whose folder is {@code folder} (as the warm process is told it). */
    static WarmPlace at(Path folder, Path jar, String javaHome) {
        return new WarmPlace(folder.toAbsolutePath().normalize(), jar, javaHome);
    }

    /** {@code value} as an absolute path, or null. */
    private static Path absolute(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(value.strip());
            return path.isAbsolute() ? path.normalize() : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * 16 hexadecimal digits of a 64-bit FNV-1a hash over the parts. Not a secret's protection (the folder
     * that shows it is the user's own and private), only a name that differs for different parts; chosen
     * over SHA-256 because the JDK's digests load its security providers, which a client cannot afford.
     */
    static String key(String... parts) {
        long hash = 0xcbf29ce484222325L;
        for (String part : parts) {
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                hash ^= b & 0xff;
                hash *= 0x100000001b3L;
            }
            hash ^= 0;
            hash *= 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(hash);
    }

    Path folder() {
        return folder;
    }

    Path socket() {
        return folder.resolve("socket");
    }

    Path lock() {
        return folder.resolve("lock");
    }

    Path log() {
        return folder.resolve("log");
    }

    /** Present while a warm process is being started (and for a while after a start that failed). */
    Path starting() {
        return folder.resolve("starting");
    }

    /** The warm process's working folder: empty, so that a path it wrongly took as relative finds nothing. */
    Path workingFolder() {
        return folder.resolve("cwd");
    }

    Path jar() {
        return jar;
    }

    String javaHome() {
        return javaHome;
    }

    /**
     * The build a client or warm process runs: the protocol, the JVM's version, and the jar file's size,
     * time and identity, so that a jar rebuilt or replaced in place is another build.
     */
    static String build(Path jar) throws IOException {
        BasicFileAttributes file = Files.readAttributes(jar, BasicFileAttributes.class);
        return String.join(" ", WarmFrames.PROTOCOL, System.getProperty("java.vm.version"),
                Long.toString(file.size()), Long.toString(file.lastModifiedTime().toMillis()),
                String.valueOf(file.fileKey()));
    }

    /**
     * Makes the folder (and its parent {@code warm}) when missing, owner-only; true when both are this
     * user's and private, as they must be before a socket is made or used there.
     */
    boolean prepare() {
        try {
            Path warm = folder.getParent();
            Files.createDirectories(warm.getParent());
            for (Path dir : new Path[] {warm, folder}) {
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
                } catch (FileAlreadyExistsException exists) {
                    // Made before, by this user (checked below) or not.
                }
            }
            return isPrivate();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether the folder and its parent are this user's, owner-only and no links. */
    boolean isPrivate() {
        try {
            UserPrincipal me = currentUser();
            for (Path dir : new Path[] {folder.getParent(), folder}) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                        || !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(me)
                        || !Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(PRIVATE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * The user this JVM runs as: the owner of {@code /proc/self} where there is one (a file's owner, no
     * user-database lookup), else the user of {@code user.name}.
     */
    static UserPrincipal currentUser() throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.exists(self)) {
            return Files.getOwner(self);
        }
        return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }

    @Override
    public String toString() {
        return "WarmPlace[" + folder + "]";
    }
}
