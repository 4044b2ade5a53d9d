package io.github.t3chat4j.bootstrap;

import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import jdk.net.ExtendedSocketOptions;

/**
 * The client side of the warm process: hands a run (arguments, environment, working folder, terminal
 * facts) to the user's warm process over its socket, and relays what it sends back, byte for byte, to this
 * process's standard output and error, standard input as the run reads it, Ctrl-C (and SIGTERM) to it, and
 * its exit code. When there is no warm process to serve the run, or it refuses (another build, an
 * interactive command), nothing has happened yet and the caller runs the command itself. Loads only JDK
 * classes.
 */
final class WarmClient {

    /** {@link #serve} did not run the command: the caller runs it. */
    static final int NOT_SERVED = -1;

    /** The commands worth a warm process (the others are interactive, long-lived, or about it). */
    private static final Set<String> WARM_COMMANDS = Set.of("ask", "image", "conversations", "credits", "models",
            "config", "logout", "doctor", "login");
    /** The root options that take a value, so that the value is not taken for the command's name. */
    private static final Set<String> ROOT_OPTIONS_WITH_VALUES = Set.of("--base-url", "--transport", "--curl",
            "--proxy", "--connect-timeout", "--first-byte-timeout", "--idle-timeout", "--timeout", "--max-reply-size");
    /** JVM options of the environment: a warm process started without them cannot serve a run that has them. */
    private static final Set<String> JVM_OPTION_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");
    static final long DEFAULT_IDLE_MILLIS = 10 * 60_000L;
    /** How long after Ctrl-C the rest of the run may take to arrive, as a run of its own gets (Interrupts). */
    private static final long SIGNAL_GRACE_MILLIS = 2_500;

    private final SocketChannel channel;
    private final OutputStream toServer;
    private final Object lock = new Object();
    private volatile boolean finished;

    private WarmClient(SocketChannel channel) {
        this.channel = channel;
        this.toServer = WarmFrames.output(channel);
    }

    /** Refusals after which the warm process exits, so that the next run should find a new one. */
    static final String OUTDATED = "another build";
    static final String STOPPING = "stopping";

    /**
     * Runs {@code args} in the warm process when one may and can serve it, and returns the exit code;
     * {@link #NOT_SERVED} when the caller must run it. In the second case a warm process is started in the
     * background for the next run, when this command could have gone to one.
     */
    static int serve(String[] args, Map<String, String> env) {
        boolean stdinIsTerminal = Terminals.stdinIsTerminal();
        if (!warmCommand(args, stdinIsTerminal)) {
            return NOT_SERVED;
        }
        Properties stored = storedSettings(env);
        if (!enabled(env, stored)) {
            return NOT_SERVED;
        }
        Optional<Path> jar = ownJar();
        if (jar.isEmpty()) {
            return NOT_SERVED;
        }
        Optional<WarmPlace> found = WarmPlace.of(env, System.getProperty("java.home"), jar.get());
        if (found.isEmpty()) {
            return NOT_SERVED;
        }
        WarmPlace place = found.get();
        long idle = idleMillis(env, stored);
        String build;
        try {
            build = WarmPlace.build(jar.get());
        } catch (IOException e) {
            return NOT_SERVED;
        }
        SocketChannel channel = connect(place);
        if (channel == null) {
            WarmStarter.startInBackground(place, env, idle);
            return NOT_SERVED;
        }
        int[] size = Terminals.measuredSize();
        WarmRequest request = new WarmRequest(WarmFrames.PROTOCOL, build, WarmRequest.RUN, Arrays.asList(args), env,
                Path.of("").toAbsolutePath().toString(), stdinIsTerminal, Terminals.stdoutIsTerminal(),
                Terminals.stderrIsTerminal(), size[0], size[1], idle);
        int code = new WarmClient(channel).run(request);
        if (code == REPLACE) {
            // It is on its way out (another build, or stopping): a new one, for the next run. It waits for
            // the old one to let go of the lock.
            WarmStarter.startInBackground(place, env, idle);
            return NOT_SERVED;
        }
        return code;
    }

    /** {@link #run} was refused by a warm process that is on its way out. */
    private static final int REPLACE = -2;

    /**
     * A connection to the warm process of {@code place}, checked to be this user's own: the folder is
     * private and the process at the other end runs as this user. Null when there is none.
     */
    static SocketChannel connect(WarmPlace place) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(place.socket()));
            if (place.isPrivate()
                    && channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user().equals(WarmPlace.currentUser())) {
                return channel;
            }
        } catch (IOException | RuntimeException e) {
            // No warm process (no socket, a stale one), or not one to trust: the run goes cold.
        }
        closeQuietly(channel);
        return null;
    }

    private int run(WarmRequest request) {
        InputStream fromServer = new BufferedInputStream(WarmFrames.input(channel), 64 * 1024);
        WarmFrames.Frame frame;
        // An anonymous class, not a method reference: a lambda would start the JVM's lambda machinery here.
        Thread onSignal = new Thread(new Runnable() {
            @Override
            public void run() {
                forwardSignal();
            }
        }, "t3-warm-signal");
        try {
            send(WarmFrames.REQUEST, request.encode());
            Runtime.getRuntime().addShutdownHook(onSignal);
            frame = WarmFrames.read(fromServer);
        } catch (IOException e) {
            frame = null;
        }
        if (frame == null || frame.type() == WarmFrames.REFUSED) {
            // Refused (another build, a command that needs its own process, too many runs) or gone before the
            // run began: nothing ran, so the caller runs the command, unless the user stopped it meanwhile.
            closeQuietly(channel);
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                return 130; // as a run of its own stopped by Ctrl-C
            }
            String reason = frame == null ? "" : frame.text();
            return reason.equals(OUTDATED) || reason.equals(STOPPING) ? REPLACE : NOT_SERVED;
        }
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
        StdinPump stdin = null;
        try {
            while (true) {
                switch (frame.type()) {
                    case WarmFrames.STDOUT -> writeQuietly(stdout, frame.payload());
                    case WarmFrames.STDERR -> writeQuietly(stderr, frame.payload());
                    case WarmFrames.READ -> {
                        if (stdin == null) {
                            stdin = new StdinPump();
                            stdin.start();
                        }
                        stdin.request(frame.intValue());
                    }
                    case WarmFrames.EXIT -> {
                        finish(onSignal);
                        return frame.intValue();
                    }
                    default -> {
                        // ACCEPTED, or a frame of a later protocol: nothing to do.
                    }
                }
                frame = WarmFrames.read(fromServer);
                if (frame == null) {
                    return lost(stderr);
                }
            }
        } catch (IOException e) {
            return lost(stderr);
        } finally {
            closeQuietly(channel);
        }
    }

    /** The warm process went away in the middle of the run: too late to run it here (it may have sent). */
    private int lost(OutputStream stderr) {
        finished = true;
        writeQuietly(stderr, ("t3: the warm process ended during this run; run the command again (t3 daemon status"
                + " shows it, T3_DAEMON=off runs without it)." + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        return 1;
    }

    private void finish(Thread onSignal) {
        synchronized (lock) {
            finished = true;
            lock.notifyAll();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
            // A signal came: the hook returns now that the run has finished.
        }
    }

    /**
     * The shutdown hook: the JVM is stopping because of a signal (Ctrl-C, SIGTERM). The warm process is told,
     * and its run then ends as a run of its own would (a reply is cancelled and kept, the rest of it flushed);
     * the hook waits for that end, briefly, while the main thread relays what still comes. The JVM then exits
     * with the signal's status (130 for Ctrl-C), as a run of its own does.
     */
    private void forwardSignal() {
        if (finished) {
            return;
        }
        try {
            send(WarmFrames.SIGNAL, new byte[0]);
        } catch (IOException e) {
            return;
        }
        long deadline = System.currentTimeMillis() + SIGNAL_GRACE_MILLIS;
        synchronized (lock) {
            while (!finished && System.currentTimeMillis() < deadline) {
                try {
                    lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void send(byte type, byte[] payload) throws IOException {
        synchronized (toServer) {
            WarmFrames.write(toServer, type, payload);
        }
    }

    /** Reads standard input as the run asks for it, never more than it asked for, on a thread of its own. */
    private final class StdinPump extends Thread {
        private final BlockingQueue<Integer> requests = new ArrayBlockingQueue<>(16);
        private final InputStream in = new FileInputStream(FileDescriptor.in);

        StdinPump() {
            super("t3-warm-stdin");
            setDaemon(true);
        }

        void request(int bytes) {
            requests.offer(bytes);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    int wanted = requests.take();
                    byte[] buffer = new byte[Math.max(1, Math.min(wanted, 64 * 1024))];
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException e) {
                        n = -1;
                    }
                    send(WarmFrames.INPUT, n <= 0 ? new byte[0] : Arrays.copyOf(buffer, n));
                }
            } catch (InterruptedException | IOException e) {
                // The run ended, or the connection did.
            }
        }
    }

    /** Whether warm runs are on: {@code T3_DAEMON} (environment, else the config file) is not off, and no JVM options are in the environment. */
    static boolean enabled(Map<String, String> env) {
        return enabled(env, storedSettings(env));
    }

    private static boolean enabled(Map<String, String> env, Properties stored) {
        for (String variable : JVM_OPTION_VARIABLES) {
            if (!env.getOrDefault(variable, "").isBlank()) {
                return false;
            }
        }
        String setting = setting(env, stored, "T3_DAEMON").orElse("on").strip().toLowerCase(Locale.ROOT);
        return !(setting.equals("off") || setting.equals("false") || setting.equals("0") || setting.equals("no"));
    }

    /**
     * {@code T3_DAEMON_IDLE} (environment, else the config file) as milliseconds, else ten minutes; written
     * as the other durations are ({@code 90s}, {@code 30m}, {@code 1h}, {@code 500ms}; a bare number is
     * seconds). Read by hand: a regular expression would start the JVM's lambda machinery in the client.
     */
    static long idleMillis(Map<String, String> env) {
        return idleMillis(env, storedSettings(env));
    }

    private static long idleMillis(Map<String, String> env, Properties stored) {
        Optional<String> setting = setting(env, stored, "T3_DAEMON_IDLE");
        if (setting.isEmpty()) {
            return DEFAULT_IDLE_MILLIS;
        }
        String text = setting.get().strip().toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < text.length() && digits < 9 && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        long factor;
        switch (text.substring(digits).strip()) {
            case "ms" -> factor = 1;
            case "", "s" -> factor = 1_000;
            case "m" -> factor = 60_000;
            case "h" -> factor = 3_600_000;
            default -> factor = 0;
        }
        long n = digits == 0 ? 0 : Long.parseLong(text.substring(0, digits));
        return n * factor > 0 ? n * factor : DEFAULT_IDLE_MILLIS;
    }

    /**
     * A setting of the warm process: from the environment, else the config file. Never from a folder's
     * {@code .env}: where a run is served is the user's choice, not a folder's.
     */
    private static Optional<String> setting(Map<String, String> env, Properties stored, String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            value = stored.getProperty(key);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The config file's settings (read once a run), or none when there is no readable one. */
    private static Properties storedSettings(Map<String, String> env) {
        Properties values = new Properties();
        if (!env.getOrDefault("T3_DAEMON", "").isBlank() && !env.getOrDefault("T3_DAEMON_IDLE", "").isBlank()) {
            return values;
        }
        Optional<Path> file = configFile(env);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return values;
        }
        try (Reader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return new Properties();
        }
        return values;
    }

    /** Where the config file is, by the rules of the storage adapter's XDG folders. */
    private static Optional<Path> configFile(Map<String, String> env) {
        for (String variable : new String[] {"XDG_CONFIG_HOME", "HOME"}) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                try {
                    Path base = Path.of(value.strip());
                    if (base.isAbsolute()) {
                        Path config = variable.equals("HOME") ? base.resolve(".config") : base;
                        return Optional.of(config.normalize().resolve("t3chat4j").resolve("config.properties"));
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // Not a path: try the next.
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether these arguments name a command the warm process serves, judged by the first word that is no
     * option (or a root option's value): commands, not chat, the gateway or {@code t3 daemon}. The warm process
     * checks again once it has parsed them, and refuses what needs a process of its own.
     */
    static boolean warmCommand(String[] args, boolean stdinIsTerminal) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (ROOT_OPTIONS_WITH_VALUES.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                if (arg.equals("login")) {
                    // Asked on the terminal: JLine's line editor needs the process's own terminal.
                    return !stdinIsTerminal || fromBrowser(args, i);
                }
                return WARM_COMMANDS.contains(arg);
            } else if (arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")) {
                return false;
            }
        }
        return false;
    }

    private static boolean fromBrowser(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (args[i].equals("--from-browser") || args[i].startsWith("--from-browser=")) {
                return true;
            }
        }
        return false;
    }

    /** The jar this JVM runs from (the launcher gives it as the class path), by its real path. */
    static Optional<Path> ownJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(classPath).toRealPath());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeQuietly(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            // The reader went away (a closed pipe): the run goes on, as a run of its own would.
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
    }
}
