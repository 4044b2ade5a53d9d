package io.github.t3chat4j.adapter.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes written to a command's standard output writer: what a byte-oriented protocol library (the
 * MCP SDK's standard-output transport) is given, so that output still goes through the run's
 * {@link CliContext#out()}. Characters reach the writer at each {@link #flush()} (a character split
 * across two flushes waits for its rest). Not thread-safe: one writer at a time, as the SDK writes.
 */
final class WriterOutputStream extends OutputStream {

    private final PrintWriter out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(8192);

    WriterOutputStream(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (pending.remaining() < length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + length));
            pending.flip();
            bigger.put(pending);
            pending = bigger;
        }
        pending.put(bytes, offset, length);
    }

    @Override
    public void flush() {
        pending.flip();
        CharBuffer chars = CharBuffer.allocate(pending.remaining() + 1);
        decoder.decode(pending, chars, false);
        chars.flip();
        out.append(chars);
        pending.compact();
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
