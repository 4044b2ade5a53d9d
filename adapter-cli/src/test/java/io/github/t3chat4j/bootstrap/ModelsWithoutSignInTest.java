package io.github.t3chat4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.testkit.FakeT3Server;
import io.github.t3chat4j.testkit.RecordedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code t3 models} without credentials shows the catalogue (the site's public JavaScript, cached, or
 * the bundled list, each marked) and says that live status needs a sign-in, instead of failing with the
 * sign-in text: no cookie is sent, no session renewed, no account read, and the trust boundary's rules
 * on a folder's programs hold all the same. Through {@link Main}, against the fake t3.chat.
 */
class ModelsWithoutSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeT3Server server = FakeT3Server.start();

    @TempDir
    Path temp;

    private InProcessT3 t3;
    private Path folder;

    @BeforeEach
    void notSignedIn() throws IOException {
        folder = Files.createDirectories(temp.resolve("work"));
        t3 = new InProcessT3(Files.createDirectories(temp.resolve("home"))).in(folder);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A loopback port nothing listens on: it was just given up. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Map<String, String> site() {
        return Map.of("T3_BASE_URL", server.baseUrl().toString());
    }

    @Test
    void showsTheSitesCatalogue_withoutLiveStatus_sayingThatNeedsASignIn_andSendsNoCookie() {
        int code = t3.run(site(), "models");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("claude-4-sonnet").contains("gpt-image-1").doesNotContain("bundled list");
        assertThat(t3.out()).doesNotContain("no t3.chat credentials");
        assertThat(t3.err()).contains("not signed in").contains("live status").contains("t3 login");
        assertThat(server.requests("/")).hasSize(1);
        assertThat(server.requests()).isNotEmpty().allSatisfy(request ->
                assertThat(request.header("Cookie")).as(request.path()).isEmpty());
        assertThat(server.requests()).extracting(RecordedRequest::path).noneMatch(path -> path.startsWith("/api/"));
    }

    @Test
    void showsTheCachedCatalogue_markedSo_onTheNextRun() {
        assertThat(t3.run(site(), "models")).as(t3.err()).isEqualTo(ExitCode.OK);
        server.reset();

        int code = t3.run(site(), "models");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("claude-4-sonnet").contains("cached");
        assertThat(server.requests("/")).isEmpty();
    }

    @Test
    void showsTheBundledList_markedSo_whenTheSiteCannotBeRead() throws IOException {
        int code = t3.run(Map.of("T3_BASE_URL", "http://127.0.0.1:" + closedPort(), "T3_CONNECT_TIMEOUT", "2s"),
                "models");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.out()).contains("gemini-2.5-flash-lite").contains("bundled list");
        assertThat(t3.err()).contains("not signed in");
    }

    @Test
    void marksWhereTheCatalogueCameFrom_inJsonToo() throws Exception {
        int bundled = t3.run(Map.of("T3_BASE_URL", "http://127.0.0.1:" + closedPort(), "T3_CONNECT_TIMEOUT", "2s"),
                "models", "--json");
        JsonNode fromTheBundle = JSON.readTree(t3.out());
        String bundledErr = t3.err();
        t3.run(site(), "models");
        int cached = t3.run(site(), "models", "--json");
        JsonNode fromTheCache = JSON.readTree(t3.out());

        assertThat(bundled).as(bundledErr).isEqualTo(ExitCode.OK);
        assertThat(fromTheBundle).isNotEmpty()
                .allSatisfy(model -> assertThat(model.get("catalogue").asText()).isEqualTo("bundled"));
        assertThat(bundledErr).contains("bundled list").contains("not signed in");
        assertThat(cached).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(fromTheCache).isNotEmpty()
                .allSatisfy(model -> assertThat(model.get("catalogue").asText()).isEqualTo("cached"));
        assertThat(t3.err()).doesNotContain("bundled list");
    }

    @Test
    void printsTheJsonArray_withoutStatuses() throws Exception {
        int code = t3.run(site(), "models", "--json");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        JsonNode models = JSON.readTree(t3.out());
        assertThat(models.isArray()).isTrue();
        JsonNode sonnet = null;
        for (JsonNode model : models) {
            assertThat(model.get("status").isNull()).isTrue();
            assertThat(model.get("catalogue").asText()).isEqualTo("site");
            if (model.get("id").asText().equals("claude-4-sonnet")) {
                sonnet = model;
            }
        }
        assertThat(sonnet).isNotNull();
        assertThat(sonnet.get("inputPerMillion").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void aFolderCannotRunAProgram_forTheCatalogueEither() throws IOException {
        Path marker = temp.resolve("ran");
        Path program = temp.resolve("fake-curl.sh");
        Files.writeString(program, "#!/bin/sh\ntouch " + marker + "\n");
        program.toFile().setExecutable(true);
        Files.writeString(folder.resolve(".env"), "T3_CURL=" + program + "\n");

        int code = t3.run(site(), "models", "--transport", "curl");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(t3.err()).contains("refusing to run the program a folder's .env names").contains("T3_CURL");
        assertThat(marker).doesNotExist();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void withCredentials_theLiveStatusesAreStillJoinedIn() {
        int code = t3.run(Map.of("T3_BASE_URL", server.baseUrl().toString(),
                "COOKIES", "wos-session=signed-in; convex-session-id=cvx"), "models", "--json");

        assertThat(code).as(t3.err()).isEqualTo(ExitCode.OK);
        assertThat(t3.err()).doesNotContain("not signed in");
        assertThat(t3.out()).contains("\"status\":\"");
    }
}
