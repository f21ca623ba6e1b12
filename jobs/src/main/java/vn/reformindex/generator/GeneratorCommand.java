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
            "  --help          this text");

    private GeneratorCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String output = null;
        long seed = SampleGenerator.DEFAULT_SEED;
        int dossiers = SampleGenerator.DEFAULT_DOSSIERS;
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
                } else {
                    dossiers = Integer.parseInt(value);
                    if (dossiers < 100 || dossiers > 5_000_000) {
                        err.println("reform-index generate: --dossiers must be between 100 and 5000000, got '" + value + "'");
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
        Path dir = Paths.get(output);
        SampleGenerator.Result result;
        try {
            result = SampleGenerator.generate(dir, seed, dossiers);
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
}
