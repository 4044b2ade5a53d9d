package io.github.t3chat4j.bootstrap;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link HostileFolderTest} through the packaged launcher, served cold and by a warm process: a hostile
 * {@code .env} is refused the same way, and a warm process sends its server nothing either.
 */
@ParameterizedClass
@EnumSource(value = T3Runner.Mode.class, names = {"COLD", "WARM"})
class HostileFolderLauncherIT extends HostileFolderTest {

    @Parameter
    T3Runner.Mode launch;

    @Override
    T3Runner.Mode mode() {
        return launch;
    }
}
