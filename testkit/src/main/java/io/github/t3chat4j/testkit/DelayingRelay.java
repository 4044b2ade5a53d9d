package io.github.t3chat4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A TCP relay on 127.0.0.1 in front of another loopback port, as a network between a client and a server
 * would be: every byte takes {@code delay} to cross in either direction, and a new connection carries no
 * data for one round trip ({@code 2 × delay}, the TCP handshake a real network makes the client wait for;
 * here the relay accepts at once). So a client that opens a connection pays one round trip for it, TLS's
 * round trips on top, and one more for each request and answer; a client that reuses an open one pays
 * only the last. Counts the connections it accepted; as a process ({@link #main}), it can also note when
 * each connection was accepted and when each piece of a client's data arrived, so that a benchmark can
 * tell how long a client spent on the network before its first byte. Closing stops it and its connections.
 */
public final class DelayingRelay implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final ServerSocket listener;
    private final int target;
    private final long delayMillis;
    private final AtomicInteger connections = new AtomicInteger();
    /** Hears "accept" and "data" (from a client) with the time they happened, or nothing. */
    private final BiConsumer<String, Long> events;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "delaying-relay");
        t.setDaemon(true);
        return t;
    });

    private DelayingRelay(ServerSocket listener, int target, long delayMillis,
            BiConsumer<String, Long> events) {
        this.listener = listener;
        this.target = target;
        this.delayMillis = delayMillis;
        this.events = events;
    }

    /** A relay to {@code 127.0.0.1:targetPort} that delays each direction by {@code delayMillis}. */
    public static DelayingRelay start(int targetPort, long delayMillis) {
        return start(targetPort, delayMillis, (event, at) -> { });
    }

    private static DelayingRelay start(int targetPort, long delayMillis,
            BiConsumer<String, Long> events) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            DelayingRelay relay = new DelayingRelay(listener, targetPort, delayMillis, events);
            relay.threads.execute(relay::accept);
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections clients opened through the relay so far. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                long accepted = System.currentTimeMillis();
                connections.incrementAndGet();
                events.accept("accept", accepted);
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target));
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                // Client to server: nothing before the handshake's round trip has passed.
                AtomicInteger open = new AtomicInteger(2);
                pipe(client, server, accepted + 2 * delayMillis, open, true);
                pipe(server, client, accepted, open, false);
            } catch (IOException e) {
                // Closed, or one connection failed: the next is accepted as usual.
            }
        }
    }

    /** Copies {@code from} to {@code to}, each chunk {@link #delayMillis} after it arrived and not before {@code notBefore}. */
    private void pipe(Socket from, Socket to, long notBefore, AtomicInteger open, boolean fromClient) {
        BlockingQueue<Object[]> chunks = new LinkedBlockingQueue<>();
        threads.execute(() -> {
            try (InputStream in = from.getInputStream()) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (fromClient) {
                        events.accept("data", System.currentTimeMillis());
                    }
                    chunks.add(new Object[] {Math.max(System.currentTimeMillis(), notBefore) + delayMillis,
                            Arrays.copyOf(buffer, n)});
                }
            } catch (IOException e) {
                // The connection ended: as at its end.
            }
            chunks.add(new Object[] {System.currentTimeMillis() + delayMillis, END});
        });
        threads.execute(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Object[] chunk = chunks.take();
                    long wait = (long) chunk[0] - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    byte[] bytes = (byte[]) chunk[1];
                    if (bytes == END) {
                        to.shutdownOutput();
                        if (open.decrementAndGet() == 0) {
                            closeQuietly(to);
                            closeQuietly(from);
                        }
                        return;
                    }
                    out.write(bytes);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                closeQuietly(to);
                closeQuietly(from);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        threads.shutdownNow();
    }

    /**
     * Runs a relay as a process, for the end-to-end benchmark: {@code --target PORT --delay MILLIS --port-file
     * FILE [--events FILE]}; writes the relay's port to the file, then relays until the process is stopped.
     * With {@code --events}, appends a line {@code EPOCH-MILLIS accept} for each connection accepted and
     * {@code EPOCH-MILLIS data} for each piece of data read from a client.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int targetPort = 0;
        long delay = 25;
        Path portFile = Path.of("delaying-relay.port");
        Path eventFile = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--target" -> targetPort = Integer.parseInt(args[i + 1]);
                case "--delay" -> delay = Long.parseLong(args[i + 1]);
                case "--port-file" -> portFile = Path.of(args[i + 1]);
                case "--events" -> eventFile = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        PrintWriter log = eventFile == null ? null : new PrintWriter(Files.newBufferedWriter(eventFile,
                StandardCharsets.UTF_8), true);
        BiConsumer<String, Long> events = log == null ? (event, at) -> { } : (event, at) -> {
            synchronized (log) {
                log.println(at + " " + event);
            }
        };
        try (DelayingRelay relay = start(targetPort, delay, events)) {
            Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                    relay.port() + "\n", StandardCharsets.UTF_8);
            Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
            Thread.currentThread().join();
        }
    }
}
