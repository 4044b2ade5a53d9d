package io.github.t3chat4j.bootstrap;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link DeadlineFlagsTest} through the packaged launcher, served cold and by a warm process: the same outcomes. */
@ParameterizedClass
@EnumSource(value = T3Runner.Mode.class, names = {"COLD", "WARM"})
class DeadlineFlagsLauncherIT extends DeadlineFlagsTest {

    @Parameter
    T3Runner.Mode launch;

    @Override
    T3Runner.Mode mode() {
        return launch;
    }
}
