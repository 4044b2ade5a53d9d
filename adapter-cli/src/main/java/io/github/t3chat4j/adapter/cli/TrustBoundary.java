package io.github.t3chat4j.adapter.cli;

import static java.util.Objects.requireNonNull;

import io.github.t3chat4j.application.LocalClient;
import io.github.t3chat4j.application.GatewayKeyResult;
import io.github.t3chat4j.domain.browser.BrowserSession;
import io.github.t3chat4j.domain.chat.ChatSettings;
import io.github.t3chat4j.domain.chat.ModelId;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one place that decides where the user's t3.chat session may go and what may run on its behalf.
 * Every command that connects gets its {@link ConnectionSettings} here (only this class makes them), and
 * {@code t3 serve} its key. The rule, by the {@link TrustClass} each setting declares in
 * {@link Settings#TRUST} and the {@link Settings.Source} it came from:
 * <ol>
 *   <li>Flags, the environment and the config file are the user's word; so is the {@code .env} of a
 *       folder the user trusts ({@code t3 config trust}, stored in the config file, never in the folder).</li>
 *   <li>Any other {@code .env} came with its folder. Its preferences and its own credentials are used;
 *       its destinations (address, proxy) and gateway key only together with its own credentials; a
 *       program or a browser to read the session from, never. A refusal names the setting and the file,
 *       says how to do it on purpose, exits 2, and comes before anything is read, run or sent.</li>
 *   <li>Credentials are taken from one source together (the cookie string and the convex session id).
 *       A login stored by {@code t3 login} goes only to the origin it was made for ({@code T3_LOGIN_ORIGIN},
 *       read from the config file alone); the user's other credentials (the environment, a browser, what
 *       {@code t3 login} is given) go to https://t3.chat, or where the user named the server themselves;
 *       a {@code .env}'s own credentials go where that folder says.</li>
 *   <li>The gateway key has at least {@link #MIN_GATEWAY_KEY_LENGTH} characters wherever it comes from,
 *       and is never asked for on the command line ({@code --api-key} still works, with a warning).</li>
 * </ol>
 * Messages name settings, files and origins, never a credential or a key.
 */
final class TrustBoundary {

    static final String DEFAULT_BASE_URL = "https://t3.chat";

    /** The shortest gateway key {@code t3 serve} accepts, wherever it comes from. */
    static final int MIN_GATEWAY_KEY_LENGTH = 24;

    /** The flag that gives each key for one run, offered in refusals. */
    private static final Map<String, String> FLAGS = Map.of(Settings.BASE_URL, "--base-url URL",
            Settings.PROXY, "--proxy URL", Settings.TRANSPORT, "--transport java|curl|browser", Settings.CURL,
            "--curl PATH", Settings.BROWSER, "--browser NAME|PATH", Settings.GATEWAY_KEY, "--api-key-file FILE");

    /** How to talk to another server on purpose, with credentials for it. */
    private static final String ANOTHER_SERVER = "give its address with --base-url and its credentials in COOKIES for"
            + " this run, or run t3 login --base-url URL to store a login for it";

    static final String MISSING_CREDENTIALS = String.join(System.lineSeparator(),
            "no t3.chat credentials. t3 uses your browser's session (a paid account).",
            "  Signed in at t3.chat in Firefox or Chromium? t3 login --from-browser firefox (or chrome, chromium, brave).",
            "  Or by hand:",
            "  1. Open https://t3.chat signed in, then the developer tools (F12).",
            "  2. Network tab: click any request to t3.chat, copy the whole 'cookie' request header,",
            "     and export COOKIES='<that value>' (or run t3 login and paste it).",
            "  3. Application (Storage) tab > Local Storage > https://t3.chat: copy 'convex-session-id'",
            "     and export CONVEX_SESSION_ID='<that value>' (optional if the cookie string has it).",
            "  To try t3 without an account: t3 --demo ask \"hello\"");

    private final Settings settings;
    private final boolean demo;
    private final LocalClient local;
    private final Consumer<String> warnings;
    private final boolean folderTrusted;

    /**
     * @param warnings takes a sentence for standard error ({@code --api-key} on the command line, a key
     *     file others can read)
     */
    TrustBoundary(Settings settings, Profile profile, LocalClient local, Consumer<String> warnings) {
        this.settings = requireNonNull(settings, "settings == null");
        this.demo = requireNonNull(profile, "profile == null") == Profile.DEMO;
        this.local = requireNonNull(local, "local == null");
        this.warnings = requireNonNull(warnings, "warnings == null");
        this.folderTrusted = trustedFolders(settings.guarded(Settings.TRUSTED_FOLDERS).map(Settings.Value::value)
                .orElse("")).contains(realPath(settings.folder()));
    }

    /** Whose credentials a run sends, which decides where they may go. */
    private enum Owner {
        /** {@code t3 login}'s, from the config file: only to their login origin. */
        STORED_LOGIN,
        /** The user's own (environment, browser, what {@code t3 login} is given): t3.chat or where the user says. */
        USER,
        /** A {@code .env}'s own: where that folder says. */
        FOLDER,
        /** The demo's placeholders, for the bundled fake server. */
        DEMO,
        /** None ({@code t3 doctor} reports that). */
        NONE
    }

    /** The credentials a run would send, before any is read. */
    private record Selection(Owner owner, Optional<Settings.Value> cookies, Optional<Settings.Value> browser,
            String what) {
    }

    /**
     * The connection of a command that sends the configured credentials: {@code ask}, {@code chat},
     * {@code image}, {@code credits}, {@code models}, {@code serve}.
     *
     * @throws CliException with {@link ExitCode#AUTH} when there are no credentials, {@link ExitCode#USAGE}
     *     when a setting may not apply to them (before anything is read, run or sent)
     */
    ConnectionSettings connection(ModelId model, ChatSettings chat) {
        Selection selection = select();
        if (selection.owner() == Owner.NONE) {
            throw new CliException(MISSING_CREDENTIALS, ExitCode.AUTH);
        }
        return connect(selection, model, chat);
    }

    /**
     * The connection of a command that also reads what t3.chat shows everyone ({@code t3 models}: the model
     * catalogue in the site's JavaScript): like {@link #connection}, but without credentials it carries none
     * ({@link ConnectionSettings#signedIn()} is false) instead of failing. The rules on addresses, proxies
     * and programs hold all the same, a {@code .env}'s program is never run.
     *
     * @throws CliException with {@link ExitCode#USAGE} when a setting may not apply (before anything is sent)
     */
    ConnectionSettings connectionSignedInOrNot(ModelId model, ChatSettings chat) {
        return connect(select(), model, chat);
    }

    /** The connection {@code t3 doctor} checks: like {@link #connection}, but missing credentials are a finding. */
    ConnectionSettings diagnosis() {
        return connect(select(), settings.model(), ChatSettings.defaults());
    }

    /**
     * The origin a login made now is for ({@code t3 login}, pasted or {@code --from-browser}), after checking
     * that the session the user gives may go there: call it before asking for the session or reading a browser.
     *
     * @throws CliException with {@link ExitCode#USAGE} when it may not
     */
    String loginOrigin() {
        Selection given = given();
        URI base = checked(given);
        return origin(base);
    }

    /** The connection that checks a session the user gave {@code t3 login} against the server it is for. */
    ConnectionSettings login(String cookies, String convexSessionId) {
        Selection given = given();
        URI base = checked(given);
        return new ConnectionSettings(base, cookies, convexSessionId, false, userAgent(), settings.model(),
                ChatSettings.defaults(), network(base), false, true);
    }

    private Selection given() {
        return new Selection(demo ? Owner.DEMO : Owner.USER, Optional.empty(), Optional.empty(),
                "the session you sign in with");
    }

    /** The key clients of {@code t3 serve} present, and where it came from (never the key itself). */
    record GatewayKey(String key, String source) {
        GatewayKey {
            requireNonNull(key, "key == null");
            requireNonNull(source, "source == null");
        }

        @Override
        public String toString() {
            return "GatewayKey[redacted, " + source + "]";
        }
    }

    /**
     * The key of {@code t3 serve}: {@code --api-key-file}, else {@code --api-key} (with a warning: every
     * user of the machine sees it), else {@code T3_GATEWAY_KEY} (environment, a trusted {@code .env}, or a
     * {@code .env} that brought the credentials too), else the stored one (made on first start).
     *
     * @param flagKey {@code --api-key}, or null
     * @param keyFile {@code --api-key-file}, or null
     * @throws CliException with {@link ExitCode#USAGE} for a key shorter than {@link #MIN_GATEWAY_KEY_LENGTH},
     *     an unreadable key file, both flags, or a {@code .env}'s key for credentials it did not bring
     */
    GatewayKey gatewayKey(String flagKey, String keyFile) {
        if (flagKey != null && keyFile != null) {
            throw new CliException("give the gateway key once: --api-key-file FILE or --api-key, not both.",
                    ExitCode.USAGE);
        }
        GatewayKey key;
        if (keyFile != null) {
            key = new GatewayKey(readKeyFile(keyFile), "from --api-key-file " + keyFile);
        } else if (flagKey != null) {
            warnings.accept("--api-key shows the key to every user of this machine (in the list of processes);"
                    + " use --api-key-file FILE or T3_GATEWAY_KEY in the environment instead, or leave it out"
                    + " to use the stored key.");
            key = new GatewayKey(flagKey.strip(), "from --api-key");
        } else {
            Optional<Settings.Value> set = settings.guarded(Settings.GATEWAY_KEY)
                    .filter(v -> v.source() != Settings.Source.CONFIG_FILE);
            if (set.isPresent()) {
                Settings.Value value = set.get();
                if (fromUntrustedFolder(value) && !coversItsOwnCredentials(select().owner())) {
                    throw refusedFromFolder(value, "guard your t3.chat session with a key that a folder's .env chose",
                            "read or sent", ways(Settings.GATEWAY_KEY, "leave it out to use the stored key"));
                }
                key = new GatewayKey(value.value().strip(), "from T3_GATEWAY_KEY (" + label(value) + ")");
            } else {
                GatewayKeyResult stored = local.gatewayKey();
                key = new GatewayKey(stored.key(), (stored.created() ? "made now and stored in " : "stored in ")
                        + stored.location());
            }
        }
        if (key.key().length() < MIN_GATEWAY_KEY_LENGTH) {
            int length = key.key().length();
            throw new CliException("the gateway key " + key.source() + " is too short: " + length
                    + (length == 1 ? " character" : " characters") + "; t3 serve needs at least "
                    + MIN_GATEWAY_KEY_LENGTH + " characters, so that it cannot be guessed. Leave it out to use the stored key (32 random bytes), or make one such as"
                    + " 'head -c 32 /dev/urandom | base64 > key.txt' and pass --api-key-file key.txt.",
                    ExitCode.USAGE);
        }
        return key;
    }

    private String readKeyFile(String name) {
        Path file = settings.folder().resolve(name);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (othersCanRead(file)) {
                warnings.accept(file + " can be read by other users of this machine; chmod 600 it.");
            }
            return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
        } catch (IOException e) {
            throw new CliException("could not read the gateway key from " + file + " ("
                    + e.getClass().getSimpleName() + ").", ExitCode.USAGE);
        }
    }

    private static boolean othersCanRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Which credentials would be sent, judged before any is read. */
    private Selection select() {
        if (demo) {
            return new Selection(Owner.DEMO, Optional.empty(), Optional.empty(), "the demo's session");
        }
        Optional<Settings.Value> browser = settings.guarded(Settings.COOKIES_FROM_BROWSER);
        Optional<Settings.Value> cookies = settings.guarded(Settings.COOKIES);
        if (browser.isPresent()
                && (cookies.isEmpty() || cookies.get().source().compareTo(browser.get().source()) >= 0)) {
            if (fromUntrustedFolder(browser.get())) {
                throw refusedFromFolder(browser.get(), "read your browser's t3.chat session because a folder's .env"
                        + " asks", "read or sent", ways(Settings.COOKIES_FROM_BROWSER, "t3 login --from-browser BROWSER"));
            }
            return new Selection(Owner.USER, Optional.empty(), browser, "the session of the browser "
                    + Settings.COOKIES_FROM_BROWSER + " names");
        }
        if (cookies.isEmpty()) {
            return new Selection(Owner.NONE, Optional.empty(), Optional.empty(), "no credentials");
        }
        return switch (cookies.get().source()) {
            case CONFIG_FILE -> new Selection(Owner.STORED_LOGIN, cookies, Optional.empty(),
                    "the login stored by t3 login");
            case DOTENV -> new Selection(Owner.FOLDER, cookies, Optional.empty(), "the .env's own credentials");
            case ENVIRONMENT, FLAG -> new Selection(Owner.USER, cookies, Optional.empty(),
                    "COOKIES from the " + cookies.get().source().label());
        };
    }

    private ConnectionSettings connect(Selection selection, ModelId model, ChatSettings chat) {
        URI base = checked(selection);
        String cookies = "";
        String convexSessionId = "";
        if (selection.browser().isPresent()) {
            BrowserSession session = BrowserSignIn.read(settings.folder()::resolve, local, selection.browser().get().value());
            cookies = session.session().cookies().headerValue();
            convexSessionId = session.session().convexSessionId().value();
        } else if (selection.cookies().isPresent()) {
            Settings.Value value = selection.cookies().get();
            cookies = value.value();
            // The convex session id of the same source, never another's: a folder's cookie must not carry
            // the stored login's id to where that folder points.
            convexSessionId = settings.guarded(Settings.CONVEX_SESSION_ID, value.source())
                    .map(Settings.Value::value).orElse("");
            Optional<Settings.Value> elsewhere = settings.guarded(Settings.CONVEX_SESSION_ID);
            if (convexSessionId.isEmpty() && !cookies.contains("convex-session-id=") && elsewhere.isPresent()) {
                throw new CliException("COOKIES comes from the " + label(value) + " but CONVEX_SESSION_ID from the "
                        + label(elsewhere.get()) + ": t3 takes the two from one place, so that one source's session"
                        + " id never travels with another's cookie. Put CONVEX_SESSION_ID beside COOKIES; nothing was"
                        + " sent.", ExitCode.USAGE);
            }
        }
        return new ConnectionSettings(base, cookies, convexSessionId, selection.owner() == Owner.STORED_LOGIN,
                userAgent(), model, chat, network(base), settings.allowLowerEffort(),
                selection.owner() != Owner.NONE);
    }

    /** The address for {@code selection}, once every setting that applies to it passed the rule. */
    private URI checked(Selection selection) {
        for (String key : Settings.KEYS) {
            Optional<Settings.Value> value = settings.guarded(key).filter(this::fromUntrustedFolder);
            if (value.isEmpty()) {
                continue;
            }
            switch (Settings.trustOf(key)) {
                case PROGRAM -> throw refusedFromFolder(value.get(), "run the program a folder's .env names",
                        "run or sent", ways(key, null));
                case DESTINATION -> {
                    if (key.equals(Settings.BASE_URL) && selection.owner() == Owner.STORED_LOGIN) {
                        // Only a login of its own moves a stored login: neither a flag nor trust would.
                        throw refusedFromFolder(value.get(), "send " + selection.what() + " to "
                                + origin(value.get().value()) + ", where a folder's .env points", "sent",
                                List.of(ANOTHER_SERVER));
                    }
                    if (!coversItsOwnCredentials(selection.owner())) {
                        throw refusedFromFolder(value.get(), "send " + selection.what() + (key.equals(Settings.BASE_URL)
                                ? " to " + origin(value.get().value()) + ", where a folder's .env points"
                                : " through the proxy a folder's .env names"), "sent", ways(key, null));
                    }
                }
                default -> {
                    // Preferences and credentials are the folder's to give; a browser source and the gateway
                    // key are judged where they apply (select, gatewayKey); stored-only keys never come from here.
                }
            }
        }
        URI base = baseUrl();
        bind(selection, base);
        return base;
    }

    /** Whether a {@code .env}'s destination or key applies only to what that same file brought (or to nothing). */
    private static boolean coversItsOwnCredentials(Owner owner) {
        return owner == Owner.FOLDER || owner == Owner.DEMO || owner == Owner.NONE;
    }

    /** Keeps {@code selection}'s credentials to the servers they are for. */
    private void bind(Selection selection, URI base) {
        String target = origin(base);
        Optional<Settings.Source> addressSource = settings.guarded(Settings.BASE_URL).map(Settings.Value::source);
        switch (selection.owner()) {
            case STORED_LOGIN -> {
                String home = settings.guarded(Settings.LOGIN_ORIGIN).map(v -> origin(v.value()))
                        .orElse(origin(URI.create(DEFAULT_BASE_URL)));
                if (!home.equals(target)) {
                    throw refusedAddress("the login stored by t3 login belongs to " + home, target, addressSource);
                }
            }
            case USER -> {
                boolean named = addressSource.isPresent() && usersWord(settings.guarded(Settings.BASE_URL).get());
                if (!isDefault(target) && !named) {
                    throw refusedAddress(selection.what() + " is for t3.chat unless you name the server yourself",
                            target, addressSource);
                }
            }
            case FOLDER, DEMO, NONE -> {
                // A folder's own credentials go where it says; the demo's and no credentials need no guard.
            }
            default -> throw new IllegalStateException("Unknown owner " + selection.owner());
        }
    }

    /** Whether the user gave {@code value} for this run themselves (a flag, the environment, a trusted folder). */
    private boolean usersWord(Settings.Value value) {
        return switch (value.source()) {
            case FLAG, ENVIRONMENT -> true;
            case DOTENV -> folderTrusted;
            case CONFIG_FILE -> false;
        };
    }

    private boolean fromUntrustedFolder(Settings.Value value) {
        return value.source() == Settings.Source.DOTENV && !folderTrusted;
    }

    /** Whether this run's working folder is one the user trusts. */
    boolean folderTrusted() {
        return folderTrusted;
    }

    /** Where {@code value} came from, as {@code t3 config} and messages say it. */
    String label(Settings.Value value) {
        if (value.source() == Settings.Source.DOTENV) {
            return ".env file " + settings.folder().resolve(".env") + (folderTrusted ? " (a folder you trust)"
                    : " (not trusted)");
        }
        return value.source().label();
    }

    /**
     * Why {@code t3} would refuse {@code value} in a command that sends credentials not brought by this
     * folder's {@code .env}, or empty; for {@code t3 config}.
     */
    Optional<String> refusalOf(Settings.Value value) {
        if (!fromUntrustedFolder(value)) {
            return Optional.empty();
        }
        return switch (Settings.trustOf(value.key())) {
            case PROGRAM, BROWSER_SOURCE -> Optional.of("never used from an untrusted folder");
            case DESTINATION, GATEWAY_KEY -> Optional.of("used only with this .env's own credentials");
            default -> Optional.empty();
        };
    }

    /** The ways to give {@code key} on purpose: its flag, the environment, {@code otherWay}, trusting the folder. */
    private List<String> ways(String key, String otherWay) {
        List<String> ways = new ArrayList<>();
        if (FLAGS.containsKey(key)) {
            ways.add(FLAGS.get(key) + " for this run");
        }
        ways.add(key + " in your environment");
        if (otherWay != null) {
            ways.add(otherWay);
        }
        ways.add("trust this folder once with t3 config trust " + settings.folder());
        return ways;
    }

    private CliException refusedFromFolder(Settings.Value value, String what, String notDone, List<String> ways) {
        return new CliException("refusing to " + what + ": " + value.key() + " comes from "
                + settings.folder().resolve(".env") + ", which came with this folder, not from you; nothing was "
                + notDone + ". To do it on purpose: " + String.join(", or ", ways) + ".", ExitCode.USAGE);
    }

    private static CliException refusedAddress(String why, String target, Optional<Settings.Source> addressSource) {
        String address = addressSource.map(s -> "the address comes from the " + s.label()).orElse("the default address");
        return new CliException("refusing to send your t3.chat credentials to " + target + " (" + address + "): "
                + why + ". To do it on purpose: " + ANOTHER_SERVER + ".", ExitCode.USAGE);
    }

    /** The address of t3.chat: {@code T3_BASE_URL} from wherever it was set, else the default. */
    private URI baseUrl() {
        String url = settings.guarded(Settings.BASE_URL).map(Settings.Value::value).orElse(DEFAULT_BASE_URL);
        URI base;
        try {
            base = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new CliException("--base-url is not a URL: '" + url + "'.", ExitCode.USAGE);
        }
        if (base.getScheme() == null || !(base.getScheme().equals("http") || base.getScheme().equals("https"))) {
            throw new CliException("--base-url must start with http:// or https://, got '" + url + "'.", ExitCode.USAGE);
        }
        return base;
    }

    private String userAgent() {
        return settings.get(Settings.USER_AGENT).orElse("");
    }

    /**
     * How requests to the site at {@code base} travel: the transport, curl, browser and proxy that passed the
     * rule, the deadlines, the transport that got through last time (from the config file alone, a
     * {@link TrustClass#STORED_ONLY} key), and the client context to send.
     */
    private NetworkSettings network(URI base) {
        String remembered = settings.guarded(Settings.REMEMBERED_TRANSPORTS)
                .filter(v -> v.source() == Settings.Source.CONFIG_FILE)
                .flatMap(v -> RememberedTransports.parse(v.value()).forOrigin(base.toString())).orElse("");
        return new NetworkSettings(text(Settings.TRANSPORT), text(Settings.CURL), text(Settings.PROXY),
                settings.deadlines(), text(Settings.BROWSER), remembered,
                settings.get(Settings.CLIENT_CONTEXT).orElse(""));
    }

    private String text(String key) {
        return settings.guarded(key).map(Settings.Value::value).orElse("");
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
        return origin.equals(origin(URI.create(DEFAULT_BASE_URL)));
    }

    /** The trusted folders a stored {@code T3_TRUSTED_FOLDERS} lists (separated like {@code PATH}). */
    static Set<Path> trustedFolders(String stored) {
        Set<Path> folders = new LinkedHashSet<>();
        for (String entry : stored.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                folders.add(Path.of(entry.strip()));
            }
        }
        return folders;
    }

    /** {@code stored} with {@code folder} added ({@code add}) or removed, as {@code T3_TRUSTED_FOLDERS} holds it. */
    static String withFolder(String stored, Path folder, boolean add) {
        Set<Path> folders = trustedFolders(stored);
        Path real = realPath(folder);
        if (add) {
            if (real.toString().contains(File.pathSeparator)) {
                throw new CliException("cannot trust " + real + ": its name holds '" + File.pathSeparator
                        + "', which separates the folders in the config file.", ExitCode.USAGE);
            }
            folders.add(real);
        } else {
            folders.remove(real);
        }
        return String.join(File.pathSeparator, folders.stream().map(Path::toString).toList());
    }

    /** {@code folder} with its links resolved, so that a link to a trusted folder is that folder. */
    static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }
}
