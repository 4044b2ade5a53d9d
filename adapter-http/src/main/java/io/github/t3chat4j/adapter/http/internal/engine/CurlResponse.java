package io.github.t3chat4j.adapter.http.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A response whose body is the rest of a running curl's output. The end of the output is a clean end
 * only when curl exits with 0; any other exit is the failure its code names. Aborting kills curl.
 */
final class CurlResponse implements EngineResponse {

    private final Process process;
    private final CurlHead head;
    private final CurlEngine.StderrCollector stderr;
    private final Body body;
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    CurlResponse(Process process, CurlHead head, InputStream out, CurlEngine.StderrCollector stderr) {
        this.process = process;
        this.head = head;
        this.stderr = stderr;
        this.body = new Body(out);
    }

    @Override
    public int status() {
        return head.status();
    }

    @Override
    public List<Header> headers() {
        return head.headers();
    }

    @Override
    public String protocol() {
        return head.protocol();
    }

    @Override
    public InputStream body() {
        return body;
    }

    /** The curl process, for tests that look at it while it runs. */
    ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public void abort() {
        if (aborted.compareAndSet(false, true)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (!body.ended) {
                abort();
            }
            try {
                body.in.close();
            } catch (IOException ignored) {
                // The pipe is gone with the process.
            }
        }
    }

    /** curl's output after the head; at its end, curl's exit code decides between an end and a failure. */
    private final class Body extends InputStream {
        private final InputStream in;
        private volatile boolean ended;

        Body(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                if (aborted.get()) {
                    return -1;
                }
                throw e;
            }
            if (n < 0) {
                if (aborted.get()) {
                    return -1;
                }
                int exit = CurlEngine.exitCode(process);
                if (exit != 0) {
                    throw CurlFailure.of(exit, stderr.text(), true);
                }
                ended = true;
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return ended ? 0 : in.available();
        }

        @Override
        public void close() {
            CurlResponse.this.close();
        }
    }
}
