package io.github.t3chat4j.application.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.t3chat4j.application.error.TransportException;
import io.github.t3chat4j.application.internal.usecase.ReadImageQuery;
import io.github.t3chat4j.application.port.out.FetchedImage;
import io.github.t3chat4j.domain.message.ImageContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadImageServiceTest {

    private static final byte[] BYTES = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    private final List<URI> fetched = new ArrayList<>();

    @Test
    void downloadsAnImageAtAUrl_intoBase64WithItsMediaType() {
        ReadImageService service = new ReadImageService(url -> {
            fetched.add(url);
            return new FetchedImage(new ByteArrayInputStream(BYTES), "image/png", BYTES.length);
        });

        ImageContent image = service.readImage(new ReadImageQuery(ImageContent.fromUrl("https://img.example/cat.png")));

        assertThat(fetched).containsExactly(URI.create("https://img.example/cat.png"));
        assertThat(image.bytes()).hasValue(BYTES);
        assertThat(image.mediaType()).hasValue("image/png");
        assertThat(image.url()).hasValue("https://img.example/cat.png");
        assertThat(image.localPath()).isEmpty();
    }

    @Test
    void fetchesNothing_forAnInlineImage() {
        ReadImageService service = new ReadImageService(url -> {
            fetched.add(url);
            throw new AssertionError("no fetch expected");
        });
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(BYTES);

        ImageContent image = service.readImage(new ReadImageQuery(ImageContent.fromUrl(dataUrl)));

        assertThat(fetched).isEmpty();
        assertThat(image.bytes()).hasValue(BYTES);
    }

    @Test
    void throwsTransportException_whenTheDownloadBreaks() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        ReadImageService service = new ReadImageService(url -> new FetchedImage(broken, "", -1));

        assertThatThrownBy(() -> service.readImage(new ReadImageQuery(ImageContent.fromUrl("https://img.example/x"))))
                .isInstanceOf(TransportException.class).hasMessageContaining("connection reset");
    }
}
