package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm process's frames and requests survive the wire whole, and a damaged one is refused, not guessed at. */
class WarmProtocolTest {

    @Test
    void carriesARunsArgumentsEnvironmentFolderAndTerminal_exactly() throws IOException {
        WarmRequest request = new WarmRequest(WarmFrames.PROTOCOL, "build 1", WarmRequest.RUN,
                List.of("ask", "héllo 🌍 世界", "", "a\nb"), Map.of("COOKIES", "wos-session=x=y", "EMPTY", "",
                "T3_MODEL", "gpt-4o"), "/work/dir with space", true, false, true, 120, 40, 600_000);

        WarmRequest decoded = WarmRequest.decode(request.encode());

        assertThat(decoded).isEqualTo(request);
        assertThat(decoded.toString()).doesNotContain("wos-session").doesNotContain("héllo");
    }

    @Test
    void refusesARequestOfAnotherProtocolOrCutShort() {
        byte[] encoded = new WarmRequest("t3-warm/0", "b", WarmRequest.RUN, List.of(), Map.of(), "/", false, false,
                false, 0, 0, 0).encode();
        byte[] good = WarmRequest.control("b", WarmRequest.STATUS).encode();
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 3);

        assertThatThrownBy(() -> WarmRequest.decode(encoded)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WarmRequest.decode(cut)).isInstanceOf(IOException.class);
    }

    @Test
    void framesFollowEachOther_andTheStreamsEndIsNoFrame() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        WarmFrames.writeText(wire, WarmFrames.STDOUT, "out ✓");
        WarmFrames.write(wire, WarmFrames.STDERR, new byte[200_000]);
        WarmFrames.writeInt(wire, WarmFrames.EXIT, 130);

        ByteArrayInputStream in = new ByteArrayInputStream(wire.toByteArray());
        WarmFrames.Frame out = WarmFrames.read(in);
        WarmFrames.Frame err = WarmFrames.read(in);
        WarmFrames.Frame exit = WarmFrames.read(in);

        assertThat(out.type()).isEqualTo(WarmFrames.STDOUT);
        assertThat(out.text()).isEqualTo("out ✓");
        assertThat(err.payload()).hasSize(200_000);
        assertThat(exit.intValue()).isEqualTo(130);
        assertThat(WarmFrames.read(in)).isNull();
        assertThat(WarmFrames.read(new ByteArrayInputStream(new byte[] {WarmFrames.STDOUT, 0, 0}))).isNull();
    }

    @Test
    void refusesAFrameLargerThanAnyRequest() {
        byte[] huge = {WarmFrames.REQUEST, 0x7f, 0, 0, 0};

        assertThatThrownBy(() -> WarmFrames.read(new ByteArrayInputStream(huge))).isInstanceOf(IOException.class);
        assertThat("x".getBytes(StandardCharsets.UTF_8)).hasSize(1);
    }
}
