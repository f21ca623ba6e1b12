package vn.reformindex.pipeline;

import java.io.PrintStream;
import vn.reformindex.config.RunConfig;

/** The stages wired in order; each subcommand runs a prefix or a single stage. */
public final class Pipeline {
    private Pipeline() {
    }

    public static void run(RunConfig config, PrintStream out) {
        throw new UnsupportedOperationException("not wired yet");
    }
}
