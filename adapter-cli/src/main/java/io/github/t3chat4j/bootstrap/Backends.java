package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.browser.BrowserConfig;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.cli.Backend;
import io.github.t3chat4j.adapter.cli.CliException;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.adapter.cli.Profile;
import io.github.t3chat4j.adapter.cli.WarmProcess;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The backends of {@code t3}: files where the XDG variables of {@code env} say, and for the demo profile
 * the bundled fake t3.chat with a data folder of its own; browser profiles where the home folder and the
 * variables of {@code env} say. Warnings (a renewed cookie not kept, a cache not
 * written) go to standard error as one line each.
 */
final class Backends implements Backend.Provider {

    private final Map<String, String> env;
    private final Consumer<String> warnings;
    private final HttpAdapters.Programs programs;
    private final HttpAdapters.ConnectionPools pools;

    /** The backends of a process of its own: programs run in its working folder, connections close with each client. */
    Backends(Map<String, String> env, PrintWriter err) {
        this(env, err, Path.of("").toAbsolutePath(), null);
    }

    /**
     * The backends of one run: programs (curl) found and started as from {@code workingDir} with {@code env};
     * connections taken from {@code pools} when given (the warm process), else a pool per client.
     */
    Backends(Map<String, String> env, PrintWriter err, Path workingDir, HttpAdapters.ConnectionPools pools) {
        this.env = Map.copyOf(env);
        this.warnings = warning -> {
            err.println("t3: " + warning);
            err.flush();
        };
        this.programs = new HttpAdapters.Programs(this.env, workingDir);
        this.pools = pools;
    }

    @Override
    public WarmProcess warmProcess() {
        return new WarmControl(env);
    }

    @Override
    public Backend backend(Profile profile) {
        StorageConfig storage;
        try {
            storage = StorageConfig.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), ExitCode.IO);
        }
        BrowserConfig browsers = BrowserConfig.fromEnvironment(env);
        return profile == Profile.DEMO ? new GuiceBackend(storage.demo(), browsers, true, warnings, programs, pools)
                : new GuiceBackend(storage, browsers, false, warnings, programs, pools);
    }
}
