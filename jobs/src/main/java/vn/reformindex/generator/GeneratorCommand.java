package vn.reformindex.generator;

import java.io.PrintStream;

/** The 'generate' subcommand: writes a synthetic province's input files. */
public final class GeneratorCommand {
    private GeneratorCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("reform-index: generate is not available yet");
        return 1;
    }
}
