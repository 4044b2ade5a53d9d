package io.github.t3chat4j.adapter.http.internal;

import io.github.t3chat4j.adapter.http.Wire;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.adapter.http.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.http.internal.chat.HttpChatAdapter;
import io.github.t3chat4j.application.error.InvalidInputException;
import io.github.t3chat4j.application.error.UnexpectedResponseException;
import io.github.t3chat4j.application.ChatStream;
import io.github.t3chat4j.application.port.out.FetchedImage;
import io.github.t3chat4j.domain.stream.ChatEvent;
import io.github.t3chat4j.testkit.FakeImageHost;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import io.github.t3chat4j.testkit.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ParameterizedClass(name = "{0}")
@EnumSource(Wire.class)
class HttpImageAdapterTest {

    @Parameter
    Wire wire;

    private FakeT3Server server;
    private FakeImageHost host;
    private TestPipeline pipeline;
    private HttpImageAdapter images;

    @BeforeEach
    void start() {
        server = wire.start();
        host = FakeImageHost.start();
        pipeline = TestPipeline.of(wire.config(server));
        images = new HttpImageAdapter(pipeline, 100);
    }

    @AfterEach
    void stop() {
        pipeline.close();
        host.close();
        server.close();
    }

    @Test
    void downloadsTheImageOfAReply_withoutTheT3ChatCookie() throws IOException {
        server.enqueueChat(Scenarios.imageAt(host.imageUrl()));
        String url;
        try (ChatStream stream = new HttpChatAdapter(pipeline, pipeline.site(), new ObjectMapper())
                .open(Fixtures.request())) {
            url = stream.events().filter(ChatEvent.ImageGenerated.class::isInstance)
                    .map(e -> ((ChatEvent.ImageGenerated) e).url()).findFirst().orElseThrow();
        }

        byte[] bytes;
        try (FetchedImage image = images.fetch(URI.create(url))) {
            bytes = image.body().readAllBytes();
            assertThat(image.mediaType()).isEqualTo("image/png");
            assertThat(image.contentLength()).isEqualTo(Scenarios.TINY_PNG.length);
        }

        assertThat(bytes).isEqualTo(Scenarios.TINY_PNG);
        assertThat(host.sawCookie()).isFalse();
        RecordedRequest download = host.requests().get(0);
        assertThat(download.header("origin")).isEmpty();
        assertThat(download.header("referer")).isEmpty();
        assertThat(server.lastRequest("/api/chat").orElseThrow().header("cookie")).isPresent();
    }

    @Test
    void refusesAnImage_whoseDeclaredLengthExceedsTheCap() {
        host.serve("/big.png", "image/png", new byte[101], false);

        assertThatThrownBy(() -> images.fetch(host.url("/big.png")))
                .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("over the limit of 100 bytes");
    }

    @Test
    void stopsReading_whenABodyWithoutLengthGrowsPastTheCap() {
        byte[] big = new byte[1000];
        Arrays.fill(big, (byte) 7);
        host.serve("/stream.png", "image/png", big, true);

        FetchedImage image = images.fetch(host.url("/stream.png"));

        assertThat(image.contentLength()).isEqualTo(-1);
        try (image; InputStream body = image.body()) {
            assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("100 bytes");
        } catch (IOException | RuntimeException closing) {
            // closing an aborted download may fail; the cap is what this test checks
        }
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        assertThatThrownBy(() -> images.fetch(URI.create("file:///etc/passwd")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("file:");
        assertThatThrownBy(() -> images.fetch(URI.create("ftp://example.com/a.png")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> images.fetch(URI.create("data:image/png;base64,AAAA")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(host.requests()).isEmpty();
    }

    @Test
    void throwsUnexpectedResponse_when404() {
        assertThatThrownBy(() -> images.fetch(host.url("/missing.png")))
                .isInstanceOfSatisfying(UnexpectedResponseException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
}
