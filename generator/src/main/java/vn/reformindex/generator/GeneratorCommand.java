package vn.reformindex.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The 'generate' subcommand: writes a synthetic province's input files. {@code ./reform-index generate ...}
 * runs {@link #main} with the words after 'generate'. Exit codes: 0 written, 1 the directory cannot be
 * written, 2 a bad argument (one line naming it).
 */
@Command(name = "reform-index generate", defaultValueProvider = GeneratorCommand.Defaults.class,
        sortOptions = false, usageHelpWidth = 100,
        customSynopsis = {
            "reform-index generate --output DIR [--seed N] [--dossiers N]",
            "       reform-index generate --national --output DIR [--seed N] [--dossiers N] [--format csv|jsonl]",
            "                             [--files N] [--threads N]"},
        description = {
            "Writes a deterministic synthetic province (H99) in the input contract: units.csv, procedures.csv,",
            "holidays.csv, manual-scores.csv and dossiers/ (CSV, sync JSON Lines, broken-records.csv).",
            "With --national, the whole country instead (see docs/generator.md).",
            ""})
public final class GeneratorCommand implements Callable<Integer> {
    static final long MAX_SAMPLE = 5_000_000L;
    static final long MAX_NATIONAL = 1_000_000_000L;
    private static final String NAME = "reform-index generate";

    /** Format of the national part files. */
    enum Format { csv, jsonl }

    // Required, but checked after parsing, so that an unknown option is what a bad command line reports.
    @Option(names = "--output", paramLabel = "DIR",
            description = "directory to write, required (created; files of the same name are replaced)")
    String output;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SampleGenerator.DEFAULT_SEED,
            description = "random seed, default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--dossiers", paramLabel = "N", defaultValue = "" + SampleGenerator.DEFAULT_DOSSIERS,
            description = {"number of distinct dossiers, default ${DEFAULT-VALUE}",
                "(100.." + MAX_SAMPLE + "; national: 100.." + MAX_NATIONAL + ")"})
    long dossiers;

    @Option(names = "--national",
            description = {"national scale instead: 34 provinces, 3,321 communes, dossiers in part files",
                "(dossiers/part-NNNNN.csv|jsonl), generated in parallel"})
    boolean national;

    @Option(names = "--format", paramLabel = "F", defaultValue = "csv",
            description = "with --national: csv (default) or jsonl")
    Format format;

    @Option(names = "--files", paramLabel = "N",
            description = {"with --national: number of part files, default CPU cores x 4 (here ${DEFAULT-VALUE});",
                "the bytes depend on it, so give it for reproducible output"})
    int files;

    @Option(names = "--threads", paramLabel = "N",
            description = {"with --national: worker threads, default the available processors (here ${DEFAULT-VALUE});",
                "the bytes do not depend on it"})
    int threads;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    boolean help;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    private GeneratorCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Defaults that depend on the machine. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            if (arg instanceof OptionSpec) {
                switch (((OptionSpec) arg).longestName()) {
                    case "--files":
                        return Integer.toString(defaultFiles());
                    case "--threads":
                        return Integer.toString(Runtime.getRuntime().availableProcessors());
                    default:
                        return null;
                }
            }
            return null;
        }
    }

    static int defaultFiles() {
        return Runtime.getRuntime().availableProcessors() * 4;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit code; never exits the JVM (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new GeneratorCommand(out, err));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((e, a) -> {
            err.println(NAME + ": " + e.getMessage() + " (see " + NAME + " --help)");
            return 2;
        });
        return cl.execute(args);
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw bad(option + " must be between " + min + " and " + max + ", got '" + value + "'");
        }
    }

    @Override
    public Integer call() {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (output == null) {
            throw bad("--output DIR is required");
        }
        if (output.isEmpty()) {
            throw bad("--output needs a directory");
        }
        if (!national) {
            for (String option : new String[] {"--format", "--files", "--threads"}) {
                if (given.hasMatchedOption(option)) {
                    throw bad(option + " needs --national (--format, --files and --threads are national only)");
                }
            }
        }
        range("--dossiers", dossiers, 100, national ? MAX_NATIONAL : MAX_SAMPLE);
        range("--files", files, 1, 99_999);
        range("--threads", threads, 1, 1024);
        Path dir = Paths.get(output);
        return national ? national(dir) : sample(dir);
    }

    private int sample(Path dir) {
        GeneratedFiles result;
        try {
            result = SampleGenerator.generate(dir, seed, (int) dossiers);
        } catch (IOException | RuntimeException e) {
            err.println(NAME + ": cannot write " + dir + ": " + e.getMessage());
            return 1;
        }
        out.println(String.format(Locale.ROOT, "%s: seed %d, %d dossiers -> %s", NAME, seed, dossiers, dir));
        for (Map.Entry<String, Long> e : result.records.entrySet()) {
            out.println(String.format(Locale.ROOT, "  %-32s %7d records", e.getKey(), e.getValue()));
        }
        out.println(String.format(Locale.ROOT, "  %d files, %d dossier records, %d bytes", result.records.size(),
                result.dossierRecords(), result.bytes));
        return 0;
    }

    private int national(Path dir) {
        boolean json = format == Format.jsonl;
        long started = System.nanoTime();
        GeneratedFiles result;
        try {
            result = NationalGenerator.generate(dir, seed, dossiers, json, files, threads);
        } catch (IOException | RuntimeException e) {
            err.println(NAME + ": cannot write " + dir + ": " + e.getMessage());
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(String.format(Locale.ROOT, "%s: national, seed %d, %d dossiers, %d part files (%s), %d threads -> %s",
                NAME, seed, dossiers, files, format, threads, dir));
        for (Map.Entry<String, Long> e : result.records.entrySet()) {
            if (!e.getKey().startsWith("dossiers/part-")) {
                out.println(String.format(Locale.ROOT, "  %-32s %10d records", e.getKey(), e.getValue()));
            }
        }
        out.println(String.format(Locale.ROOT, "  %-32s %10d records (%d dossiers + %d older versions of re-synced ones)",
                "dossiers/part-*", result.dossierRecords() - result.broken(), dossiers, result.resyncs));
        out.println(String.format(Locale.ROOT, "  %d dossier records, %d bytes, %.1f s", result.dossierRecords(),
                result.bytes, seconds));
        return 0;
    }
}
