package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.browser.BrowserConfig;
import io.github.t3chat4j.adapter.http.HttpAdapters;
import io.github.t3chat4j.adapter.cli.Services;
import io.github.t3chat4j.adapter.cli.CliException;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.adapter.cli.Profile;
import io.github.t3chat4j.adapter.cli.WarmProcess;
import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The composition root of {@code t3}: the services of each profile, with files where the XDG variables of the run's environment say, and for the demo
 * profile the bundled fake t3.chat with a data folder of its own; browser profiles where the home folder
 * and the variables of the run's environment say. Warnings (a renewed cookie not kept, a cache not
 * written) go to standard error as one line each.
 */
final class CompositionRoot implements Services.Provider {

    private final Consumer<String> warnings;
    private final Path workingDir;
    private final HttpAdapters.ConnectionPools pools;

    /**
     * The services of a run whose working folder is {@code workingDir} (where curl is found and started,
     * with the run's environment); connections taken from {@code pools} when given (the warm process's, kept
     * between runs), else a pool per client.
     */
    CompositionRoot(PrintWriter err, Path workingDir, HttpAdapters.ConnectionPools pools) {
        this.warnings = warning -> {
            err.println("t3: " + TerminalSafe.text(warning));
            err.flush();
        };
        this.workingDir = workingDir;
        this.pools = pools;
    }

    @Override
    public WarmProcess warmProcess(Map<String, String> env) {
        return new WarmControl(env);
    }

    @Override
    public Services services(Profile profile, Map<String, String> env) {
        StorageConfig storage;
        try {
            storage = StorageConfig.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), ExitCode.IO);
        }
        BrowserConfig browsers = BrowserConfig.fromEnvironment(env);
        HttpAdapters.Programs programs = new HttpAdapters.Programs(env, workingDir);
        return profile == Profile.DEMO ? new GuiceServices(storage.demo(), browsers, true, warnings, programs, pools)
                : new GuiceServices(storage, browsers, false, warnings, programs, pools);
    }
}
