package io.github.t3chat4j.bootstrap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client hands the warm process: who it is (protocol, build, JDK), what it asks for (a run, the
 * status, a stop), and for a run everything a run of {@code t3} gets from outside: arguments, environment,
 * working folder, which standard streams are terminals and the terminal's size. Loads only JDK classes.
 *
 * @param kind {@link #RUN}, {@link #STATUS} or {@link #STOP}
 * @param build the client's {@link WarmPlace#build() build}: the warm process serves only its own
 * @param idleMillis how long the warm process should wait for the next run before it exits
 */
record WarmRequest(String protocol, String build, String kind, List<String> args, Map<String, String> env,
        String workingDir, boolean stdinIsTerminal, boolean stdoutIsTerminal, boolean stderrIsTerminal, int columns,
        int rows, long idleMillis) {

    static final String RUN = "run";
    static final String STATUS = "status";
    static final String STOP = "stop";

    WarmRequest {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** A status or stop request. */
    static WarmRequest control(String build, String kind) {
        return new WarmRequest(WarmFrames.PROTOCOL, build, kind, List.of(), Map.of(), "/", false, false, false, 0, 0,
                0);
    }

    byte[] encode() {
        List<String> fields = new ArrayList<>(List.of(protocol, build, kind, workingDir, flag(stdinIsTerminal),
                flag(stdoutIsTerminal), flag(stderrIsTerminal), Integer.toString(columns), Integer.toString(rows),
                Long.toString(idleMillis), Integer.toString(args.size()), Integer.toString(env.size())));
        fields.addAll(args);
        for (Map.Entry<String, String> variable : env.entrySet()) {
            fields.add(variable.getKey());
            fields.add(variable.getValue());
        }
        return WarmFrames.strings(fields);
    }

    /**
     * The request in {@code payload}.
     *
     * @throws IOException when it is not one (another protocol's, or damaged)
     */
    static WarmRequest decode(byte[] payload) throws IOException {
        List<String> fields = WarmFrames.strings(payload);
        if (fields.isEmpty() || !fields.get(0).equals(WarmFrames.PROTOCOL)) {
            throw new IOException("Not a " + WarmFrames.PROTOCOL + " request");
        }
        try {
            int argCount = Integer.parseInt(fields.get(10));
            int envCount = Integer.parseInt(fields.get(11));
            if (argCount < 0 || envCount < 0 || fields.size() != 12 + argCount + 2 * envCount) {
                throw new IOException("A request of the wrong length");
            }
            List<String> args = fields.subList(12, 12 + argCount);
            Map<String, String> env = new LinkedHashMap<>();
            for (int i = 12 + argCount; i < fields.size(); i += 2) {
                env.put(fields.get(i), fields.get(i + 1));
            }
            return new WarmRequest(fields.get(0), fields.get(1), fields.get(2), args, env, fields.get(3),
                    fields.get(4).equals("1"), fields.get(5).equals("1"), fields.get(6).equals("1"),
                    Integer.parseInt(fields.get(7)), Integer.parseInt(fields.get(8)), Long.parseLong(fields.get(9)));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IOException("A damaged request", e);
        }
    }

    /**
     * Whether the variable {@code name} sets something of the JVM itself (its locale, the encoding of file
     * names, its time zone), which a warm process took from its start and cannot change for a run: a run
     * whose value differs is not served warm.
     */
    static boolean shapesTheJvm(String name) {
        return name.equals("LANG") || name.startsWith("LC_") || name.equals("TZ");
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    public String toString() {
        // The environment and arguments may hold secrets (COOKIES, a prompt): never shown.
        return "WarmRequest[" + kind + ", " + args.size() + " arguments, " + env.size() + " variables]";
    }
}
