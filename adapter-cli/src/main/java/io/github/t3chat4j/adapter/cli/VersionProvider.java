package io.github.t3chat4j.adapter.cli;

import picocli.CommandLine;

/** {@code t3 --version}: the version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"t3 (t3chat4j) " + version(), "Java " + Runtime.version()};
    }

    /** The version of this build, from the jar's manifest, or "development build". */
    static String version() {
        String version = T3Command.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
