package io.github.t3chat4j.bootstrap;

import io.github.t3chat4j.adapter.browser.BrowserConfig;
import io.github.t3chat4j.adapter.cli.Services;
import io.github.t3chat4j.adapter.cli.CliException;
import io.github.t3chat4j.adapter.cli.ExitCode;
import io.github.t3chat4j.adapter.cli.Profile;
import io.github.t3chat4j.adapter.cli.render.TerminalSafe;
import io.github.t3chat4j.adapter.storage.StorageConfig;
import java.io.PrintWriter;
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

    CompositionRoot(PrintWriter err) {
        this.warnings = warning -> {
            err.println("t3: " + TerminalSafe.text(warning));
            err.flush();
        };
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
        return profile == Profile.DEMO ? new GuiceServices(storage.demo(), browsers, true, warnings, env)
                : new GuiceServices(storage, browsers, false, warnings, env);
    }
}
