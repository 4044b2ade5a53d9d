package io.github.t3chat4j.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The warm process's wire format over its Unix-domain socket: frames of one type byte, a four-byte
 * big-endian length and that many bytes. Loads only JDK classes (the client uses it before anything else
 * of t3 is loaded).
 *
 * <p>Client to warm process: {@link #REQUEST} (a {@link WarmRequest}), then {@link #INPUT} (standard input,
 * each the answer to a {@link #READ}; empty at its end) and {@link #SIGNAL} (the user pressed Ctrl-C, or the
 * client was told to stop). Warm process to client: {@link #ACCEPTED} (with the status text of a status or
 * stop request) or {@link #REFUSED} (a reason; the client then runs the command itself), then
 * {@link #STDOUT} and {@link #STDERR} bytes, {@link #READ} (how many bytes of standard input it wants) and
 * finally {@link #EXIT} (the exit code).
 */
final class WarmFrames {

    /** Changes whenever the frames or the request change; a client and a warm process must agree on it. */
    static final String PROTOCOL = "t3-warm/1";

    static final byte REQUEST = 'Q';
    static final byte INPUT = 'I';
    static final byte SIGNAL = 'S';
    static final byte ACCEPTED = 'A';
    static final byte REFUSED = 'C';
    static final byte STDOUT = '1';
    static final byte STDERR = '2';
    static final byte READ = 'R';
    static final byte EXIT = 'X';

    /** Larger frames are refused: a request holds arguments and environment, never megabytes. */
    static final int MAX_FRAME = 16 * 1024 * 1024;

    private WarmFrames() {
    }

    /** One frame as read. */
    record Frame(byte type, byte[] payload) {
        int intValue() {
            return ByteBuffer.wrap(payload).getInt();
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Writes one frame; callers that share the stream hold its lock. */
    static void write(OutputStream out, byte type, byte[] payload, int offset, int length) throws IOException {
        byte[] head = {type, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
        if (length <= 64 * 1024) {
            // One write for the head and a usual payload: one system call, one packet of the socket.
            byte[] frame = new byte[head.length + length];
            System.arraycopy(head, 0, frame, 0, head.length);
            System.arraycopy(payload, offset, frame, head.length, length);
            out.write(frame);
            return;
        }
        out.write(head);
        out.write(payload, offset, length);
    }

    static void write(OutputStream out, byte type, byte[] payload) throws IOException {
        write(out, type, payload, 0, payload.length);
    }

    static void writeInt(OutputStream out, byte type, int value) throws IOException {
        write(out, type, ByteBuffer.allocate(4).putInt(value).array());
    }

    static void writeText(OutputStream out, byte type, String text) throws IOException {
        write(out, type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame, or null at the end of the stream. */
    static Frame read(InputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        DataInputStream data = new DataInputStream(in);
        int length;
        try {
            length = data.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("A frame of " + length + " bytes");
        }
        byte[] payload = new byte[length];
        try {
            data.readFully(payload);
        } catch (EOFException e) {
            return null;
        }
        return new Frame((byte) type, payload);
    }

    /** Strings as a frame's payload: a count, then each string's UTF-8 length and bytes. */
    static byte[] strings(List<String> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(values.size());
            for (String value : values) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** The strings of {@link #strings(List)}. */
    static List<String> strings(byte[] payload) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            int count = in.getInt();
            if (count < 0 || count > payload.length) {
                throw new IOException("A list of " + count + " strings");
            }
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw new IOException("A string of " + length + " bytes");
                }
                values.add(new String(payload, in.position(), length, StandardCharsets.UTF_8));
                in.position(in.position() + length);
            }
            return values;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("A list of strings cut short", e);
        }
    }

    /**
     * A blocking socket channel's reading side as a stream. Not {@code Channels.newInputStream}: that one
     * holds the channel's blocking lock while it waits, which would stall the writing side.
     */
    static InputStream input(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n = channel.read(ByteBuffer.wrap(b, off, len));
                return n;
            }
        };
    }

    /** A blocking socket channel's writing side as a stream (see {@link #input(SocketChannel)}). */
    static OutputStream output(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }
}
