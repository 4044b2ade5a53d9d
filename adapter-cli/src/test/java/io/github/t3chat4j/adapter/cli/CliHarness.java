package io.github.t3chat4j.adapter.cli;

import io.github.t3chat4j.adapter.storage.StorageAdapters;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import io.github.t3chat4j.application.LocalClient;

import io.github.t3chat4j.application.T3Client;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs {@code t3} in-process over a fake transport, an isolated home folder and captured output. */
final class CliHarness {

    final FakeChatPort port = new FakeChatPort();
    final Map<String, String> env = new HashMap<>();
    final List<ConnectionSettings> connections = new CopyOnWriteArrayList<>();
    final Path home;
    final Path workingDir;
    String stdin = "";
    boolean stdinIsTerminal = true;
    boolean stdoutIsTerminal = false;
    Boolean stderrIsTerminal;
    RunHost host = RunHost.PROCESS;
    StringWriter out;
    StringWriter err;

    CliHarness(Path temp) {
        this.home = temp.resolve("home");
        this.workingDir = temp.resolve("work");
        env.put("HOME", home.toString());
        try {
            java.nio.file.Files.createDirectories(workingDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    CliHarness withCredentials() {
        env.put("COOKIES", "wos-session=x");
        env.put("CONVEX_SESSION_ID", "c");
        return this;
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, stdinIsTerminal,
                stdoutIsTerminal, stderrIsTerminal == null ? stdoutIsTerminal : stderrIsTerminal, (profile, runEnv) -> services(),
                workingDir, host);
        return Cli.run(context, args);
    }

    /** A services over the fake transport, with the real file stores under the harness's home folder. */
    private Services services() {
        StorageConfig storage = StorageConfig.fromEnvironment(env);
        LocalClient local = LocalClient.of(StorageAdapters.create(storage));
        return new Services() {
            @Override
            public T3Client connect(ConnectionSettings settings) {
                connections.add(settings);
                T3Client.Builder client = T3Client.builder().chatTransport(port).model(settings.model())
                        .settings(settings.settings());
                if (!settings.cookies().isEmpty()) {
                    client.cookies(settings.cookies()).convexSessionId(settings.convexSessionId());
                }
                return client.build();
            }

            @Override
            public LocalClient local() {
                return local;
            }

            @Override
            public Path historyFile() {
                return storage.inputHistoryFile();
            }

            @Override
            public Path privateHistoryFile() {
                return StorageAdapters.create(storage).privateInputHistoryFile();
            }
        };
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
