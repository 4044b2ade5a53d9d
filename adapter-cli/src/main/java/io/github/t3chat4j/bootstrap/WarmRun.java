package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.cli.Cli;
import io.github.t3chat4j.adapter.cli.CliContext;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.adapter.cli.RunHost;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;

/**
 * One connection to the warm process, on a thread of its own: a status or stop request, or a run. A run
 * gets a {@link CliContext} made only of what its client handed over: its arguments, environment, working
 * folder, terminal facts, and streams of its own (standard output and error as frames to the client,
 * standard input read from the client as the run asks), with services over the warm process's connection
 * pools. Ctrl-C on the client cancels the run as in a run of its own ({@link Host}); a client that goes
 * away mid-run is treated as Ctrl-C, so a reply under way is cancelled and kept, and its conversation's
 * lock released. When the run ends its threads end with it.
 */
final class WarmRun implements Runnable {

    /** The names of a run's threads begin so. */
    static final String THREAD_PREFIX = "t3-warm-run-";

    /** After a client went away, a run that has not ended after this long is interrupted. */
    private static final long ABANDON_GRACE_MILLIS = 5_000;

    private final WarmServer server;
    private final SocketChannel channel;

    WarmRun(WarmServer server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    @Override
    public void run() {
        try (channel) {
            if (!server.isOwner(channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user())) {
                WarmServer.log("refused a connection from another user");
                return;
            }
            InputStream in = new BufferedInputStream(WarmFrames.input(channel), 64 * 1024);
            OutputStream out = WarmFrames.output(channel);
            WarmFrames.Frame first = WarmFrames.read(in);
            if (first == null || first.type() != WarmFrames.REQUEST) {
                return;
            }
            WarmRequest request = WarmRequest.decode(first.payload());
            switch (request.kind()) {
                case WarmRequest.STATUS -> WarmFrames.writeText(out, WarmFrames.ACCEPTED, server.status());
                case WarmRequest.STOP -> {
                    WarmFrames.writeText(out, WarmFrames.ACCEPTED, server.status());
                    server.stop("asked to stop");
                }
                case WarmRequest.RUN -> serve(request, in, out);
                default -> WarmFrames.writeText(out, WarmFrames.REFUSED, "unknown request");
            }
        } catch (IOException | RuntimeException e) {
            // The client went away before its run began, or sent what is no request: nothing ran.
        }
    }

    private void serve(WarmRequest request, InputStream in, OutputStream out) throws IOException {
        String refusal = server.refusal(request);
        if (refusal != null) {
            server.refused(refusal);
            WarmFrames.writeText(out, WarmFrames.REFUSED, refusal);
            return;
        }
        server.runStarted(request);
        try {
            Frames frames = new Frames(out);
            Host host = new Host(frames, Thread.currentThread(), request.columns(), request.rows());
            RemoteInput stdin = new RemoteInput(frames);
            Thread reader = new Thread(() -> readClient(in, stdin, host), Thread.currentThread().getName() + "-in");
            reader.setDaemon(true);
            reader.start();
            PrintWriter stdout = new PrintWriter(new OutputStreamWriter(frames.stream(WarmFrames.STDOUT),
                    StandardCharsets.UTF_8), false);
            PrintWriter stderr = new PrintWriter(new OutputStreamWriter(frames.stream(WarmFrames.STDERR),
                    StandardCharsets.UTF_8), true);
            Path workingDir = Path.of(request.workingDir());
            CliContext context = new CliContext(stdout, stderr, stdin, request.env(), request.stdinIsTerminal(),
                    request.stdoutIsTerminal(), request.stderrIsTerminal(),
                    new CompositionRoot(stderr, workingDir, server.pools()), workingDir, host);
            int code;
            try {
                code = Cli.run(context, request.args().toArray(String[]::new));
            } catch (Cli.NeedsOwnProcessException ownProcess) {
                server.refused("a command that needs its own process");
                frames.refuse("needs its own process");
                return;
            } catch (RuntimeException | Error e) {
                // A run of its own would have died with a trace; this process must not.
                stderr.println("t3: unexpected error (" + e.getClass().getSimpleName() + "); rerun with --verbose"
                        + " and report it.");
                code = ExitCode.INTERNAL;
            } finally {
                stdout.flush();
                stderr.flush();
            }
            // Counted before the client hears the end, so that whoever it tells next sees the run served.
            server.served();
            frames.exit(code);
            frames.finish();
            reader.interrupt();
        } finally {
            server.runEnded();
        }
    }

    /**
     * The client's side of the run, on a thread of its own: standard input as asked for, Ctrl-C, and its
     * going away (treated as Ctrl-C, after which a run that lingers is interrupted).
     */
    private static void readClient(InputStream in, RemoteInput stdin, Host host) {
        try {
            while (true) {
                WarmFrames.Frame frame = WarmFrames.read(in);
                if (frame == null) {
                    break;
                }
                if (frame.type() == WarmFrames.INPUT) {
                    stdin.arrived(frame.payload());
                } else if (frame.type() == WarmFrames.SIGNAL) {
                    host.interrupt();
                }
            }
        } catch (IOException e) {
            // Gone: as below.
        }
        if (host.frames.finished()) {
            return;
        }
        host.frames.clientGone();
        stdin.arrived(null);
        host.interrupt();
        try {
            host.runner.join(ABANDON_GRACE_MILLIS);
        } catch (InterruptedException e) {
            return;
        }
        if (host.runner.isAlive() && !host.frames.finished()) {
            host.runner.interrupt();
        }
    }

    /**
     * The run's frames to the client, one writer at a time (the run's thread, the spinner's, ...). Once the
     * client is gone, or the run was stopped by Ctrl-C, what the run still writes is dropped.
     */
    static final class Frames {
        private final OutputStream out;
        private boolean started;
        private boolean muted;
        private boolean finished;

        Frames(OutputStream out) {
            this.out = out;
        }

        synchronized void write(byte type, byte[] bytes, int offset, int length) {
            if (muted) {
                return;
            }
            try {
                WarmFrames.write(out, type, bytes, offset, length);
                started = true;
            } catch (IOException e) {
                muted = true;
            }
        }

        OutputStream stream(byte type) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    Frames.this.write(type, new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    Frames.this.write(type, b, off, len);
                }
            };
        }

        void read(int bytes) throws IOException {
            synchronized (this) {
                if (muted) {
                    throw new IOException("The client is gone");
                }
            }
            write(WarmFrames.READ, ByteBuffer.allocate(4).putInt(bytes).array(), 0, 4);
        }

        /** The run's end: its exit code; nothing after it reaches the client. */
        synchronized void exit(int code) {
            write(WarmFrames.EXIT, ByteBuffer.allocate(4).putInt(code).array(), 0, 4);
            muted = true;
        }

        /** The run is not served here after all (it needs its own process); only before anything was sent. */
        synchronized void refuse(String reason) {
            if (!started && !muted) {
                byte[] text = reason.getBytes(StandardCharsets.UTF_8);
                write(WarmFrames.REFUSED, text, 0, text.length);
            }
            muted = true;
            finished = true;
        }

        synchronized void finish() {
            finished = true;
        }

        synchronized boolean finished() {
            return finished;
        }

        synchronized void clientGone() {
            muted = true;
        }
    }

    /** Standard input, read from the client as the run asks for it: never more than asked. */
    static final class RemoteInput extends InputStream {
        private static final byte[] GONE = new byte[0];
        private final Frames frames;
        private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        private volatile boolean gone;

        RemoteInput(Frames frames) {
            this.frames = frames;
        }

        /** What the client read: bytes, empty at the end of its input, null when it went away. */
        void arrived(byte[] chunk) {
            if (chunk == null) {
                gone = true;
            }
            chunks.offer(chunk == null ? GONE : chunk);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (gone) {
                return -1;
            }
            frames.read(Math.min(len, 64 * 1024));
            byte[] chunk;
            try {
                chunk = chunks.poll(365, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while reading standard input");
            }
            if (chunk == null || chunk.length == 0) {
                return -1;
            }
            System.arraycopy(chunk, 0, b, off, chunk.length);
            return chunk.length;
        }
    }

    /**
     * The run's host: Ctrl-C from the client runs what the run registered (cancelling a reply, which then
     * ends as after any cancel); a run that registered nothing would have been stopped at once in a process
     * of its own, so its client gets exit code 130 now, what it still prints is dropped, and its thread is
     * interrupted. The terminal's size is the one the client measured.
     */
    static final class Host implements RunHost {
        private final Frames frames;
        private final Thread runner;
        private final int columns;
        private final int rows;
        private final List<Runnable> actions = new ArrayList<>();
        private boolean interrupted;

        Host(Frames frames, Thread runner, int columns, int rows) {
            this.frames = frames;
            this.runner = runner;
            this.columns = columns;
            this.rows = rows;
        }

        @Override
        public Registration onInterrupt(Runnable action) {
            synchronized (this) {
                if (!interrupted) {
                    actions.add(action);
                    return () -> {
                        synchronized (Host.this) {
                            actions.remove(action);
                        }
                    };
                }
            }
            action.run();
            return () -> { };
        }

        void interrupt() {
            List<Runnable> toRun;
            synchronized (this) {
                if (interrupted) {
                    return;
                }
                interrupted = true;
                toRun = List.copyOf(actions);
            }
            if (toRun.isEmpty()) {
                frames.exit(ExitCode.INTERRUPTED);
                runner.interrupt();
            } else {
                toRun.forEach(Runnable::run);
            }
        }

        @Override
        public boolean ownsProcess() {
            return false;
        }

        @Override
        public int terminalColumns() {
            return columns;
        }

        @Override
        public int terminalRows() {
            return rows;
        }
    }
}
