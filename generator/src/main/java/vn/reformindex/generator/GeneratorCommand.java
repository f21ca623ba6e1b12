package vn.reformindex.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

/** The 'generate' subcommand: writes a synthetic province's input files. */
public final class GeneratorCommand {
    static final String USAGE = String.join("\n",
            "Usage: reform-index generate --output DIR [--seed N] [--dossiers N]",
            "Writes a deterministic synthetic province (H99) in the input contract: units.csv, procedures.csv,",
            "holidays.csv, manual-scores.csv and dossiers/ (CSV, sync JSON Lines, broken-records.csv).",
            "  --output DIR    directory to write (created; existing files of the same name are replaced)",
            "  --seed N        random seed, default " + SampleGenerator.DEFAULT_SEED,
            "  --dossiers N    number of distinct dossiers, default " + SampleGenerator.DEFAULT_DOSSIERS
                    + " (minimum 100)",
            "  --national      national scale instead: 34 provinces, 3,321 communes, dossiers in part files",
            "                  (dossiers/part-NNNNN.csv|jsonl), generated in parallel; see docs/generator.md",
            "  --format F      with --national: csv (default) or jsonl",
            "  --files N       with --national: number of part files, default CPU cores x 4 (here "
                    + defaultFiles() + "); the bytes depend on it, so give it for reproducible output",
            "  --threads N     with --national: worker threads, default the available processors; the bytes",
            "                  do not depend on it",
            "  --help          this text");

    static int defaultFiles() {
        return Runtime.getRuntime().availableProcessors() * 4;
    }

    private GeneratorCommand() {
    }

    /** {@code ./reform-index generate ...} runs this (the launcher drops the word 'generate'). */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command and returns its exit code; never exits the JVM (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String output = null;
        long seed = SampleGenerator.DEFAULT_SEED;
        long dossiers = SampleGenerator.DEFAULT_DOSSIERS;
        boolean national = false;
        String format = "csv";
        int files = defaultFiles();
        int threads = Runtime.getRuntime().availableProcessors();
        boolean nationalOnly = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            String name = a;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--help":
                case "-h":
                    out.println(USAGE);
                    return 0;
                case "--national":
                    if (value != null) {
                        err.println("reform-index generate: --national takes no value");
                        return 2;
                    }
                    national = true;
                    continue;
                case "--format":
                case "--files":
                case "--threads":
                    nationalOnly = true;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            err.println("reform-index generate: " + name + " needs a value");
                            return 2;
                        }
                        value = args[++i];
                    }
                    break;
                case "--output":
                case "--seed":
                case "--dossiers":
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            err.println("reform-index generate: " + name + " needs a value");
                            return 2;
                        }
                        value = args[++i];
                    }
                    break;
                default:
                    err.println("reform-index generate: unknown argument '" + a + "'");
                    err.println(USAGE);
                    return 2;
            }
            try {
                if (name.equals("--output")) {
                    if (value.isEmpty()) {
                        err.println("reform-index generate: --output needs a directory");
                        return 2;
                    }
                    output = value;
                } else if (name.equals("--seed")) {
                    seed = Long.parseLong(value);
                } else if (name.equals("--format")) {
                    if (!value.equals("csv") && !value.equals("jsonl")) {
                        err.println("reform-index generate: --format must be csv or jsonl, got '" + value + "'");
                        return 2;
                    }
                    format = value;
                } else if (name.equals("--files")) {
                    files = Integer.parseInt(value);
                    if (files < 1 || files > 99_999) {
                        err.println("reform-index generate: --files must be between 1 and 99999, got '" + value + "'");
                        return 2;
                    }
                } else if (name.equals("--threads")) {
                    threads = Integer.parseInt(value);
                    if (threads < 1 || threads > 1024) {
                        err.println("reform-index generate: --threads must be between 1 and 1024, got '" + value + "'");
                        return 2;
                    }
                } else {
                    dossiers = Long.parseLong(value);
                    if (dossiers < 100 || dossiers > MAX_NATIONAL) {
                        err.println("reform-index generate: --dossiers must be between 100 and 5000000 (national: "
                                + MAX_NATIONAL + "), got '" + value + "'");
                        return 2;
                    }
                }
            } catch (NumberFormatException e) {
                err.println("reform-index generate: " + name + " needs a whole number, got '" + value + "'");
                return 2;
            }
        }
        if (output == null) {
            err.println("reform-index generate: --output DIR is required");
            err.println(USAGE);
            return 2;
        }
        if (!national && nationalOnly) {
            err.println("reform-index generate: --format, --files and --threads need --national");
            return 2;
        }
        if (!national && dossiers > 5_000_000) {
            err.println("reform-index generate: --dossiers must be between 100 and 5000000, got '" + dossiers + "'");
            return 2;
        }
        Path dir = Paths.get(output);
        if (national) {
            return national(dir, seed, dossiers, format.equals("jsonl"), files, threads, out, err);
        }
        SampleGenerator.Result result;
        try {
            result = SampleGenerator.generate(dir, seed, (int) dossiers);
        } catch (IOException | RuntimeException e) {
            err.println("reform-index generate: cannot write " + dir + ": " + e.getMessage());
            return 1;
        }
        out.println(String.format(Locale.ROOT, "reform-index generate: seed %d, %d dossiers -> %s", seed, dossiers, dir));
        for (Map.Entry<String, Integer> e : result.records.entrySet()) {
            out.println(String.format(Locale.ROOT, "  %-32s %7d records", e.getKey(), e.getValue()));
        }
        out.println(String.format(Locale.ROOT, "  %d files, %d dossier records, %d bytes", result.records.size(),
                result.dossierRecords(), result.bytes));
        return 0;
    }

    static final long MAX_NATIONAL = 1_000_000_000L;

    private static int national(Path dir, long seed, long dossiers, boolean json, int files, int threads,
            PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        NationalGenerator.Result result;
        try {
            result = NationalGenerator.generate(dir, seed, dossiers, json, files, threads);
        } catch (IOException | RuntimeException e) {
            err.println("reform-index generate: cannot write " + dir + ": " + e.getMessage());
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(String.format(Locale.ROOT,
                "reform-index generate: national, seed %d, %d dossiers, %d part files (%s), %d threads -> %s", seed,
                dossiers, files, json ? "jsonl" : "csv", threads, dir));
        for (Map.Entry<String, Long> e : result.records.entrySet()) {
            if (!e.getKey().startsWith("dossiers/part-")) {
                out.println(String.format(Locale.ROOT, "  %-32s %10d records", e.getKey(), e.getValue()));
            }
        }
        out.println(String.format(Locale.ROOT, "  %-32s %10d records (%d dossiers + %d older versions of re-synced ones)",
                "dossiers/part-*", result.dossierRecords() - result.broken, dossiers, result.resyncs));
        out.println(String.format(Locale.ROOT, "  %d dossier records, %d bytes, %.1f s", result.dossierRecords(),
                result.bytes, seconds));
        return 0;
    }
}
