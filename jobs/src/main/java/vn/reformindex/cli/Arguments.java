package vn.reformindex.cli;

import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.reformindex.config.RunConfig;
import vn.reformindex.period.Period;

/** Parses the command line into a {@link RunConfig}; every error names the bad argument. */
public final class Arguments {
    public static final Set<String> COMMANDS = Set.of("ingest", "facts", "summary", "score", "rank", "run", "generate");

    private Arguments() {
    }

    public static RunConfig parse(String[] args) {
        if (args.length == 0) {
            throw bad("no subcommand given; try --help");
        }
        String command = args[0];
        if (!COMMANDS.contains(command)) {
            throw bad("unknown subcommand '" + command + "'; expected one of " + new java.util.TreeSet<>(COMMANDS));
        }
        RunConfig.Builder b = RunConfig.builder(command).arguments(List.of(args));
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!name.startsWith("--")) {
                throw bad("unexpected argument '" + a + "'");
            }
            if (name.equals("--full")) {
                b.fullIngest(true);
                continue;
            }
            if (name.equals("--official")) {
                b.official(true);
                continue;
            }
            if (name.equals("--restate")) {
                b.restate(true);
                continue;
            }
            if (value == null) {
                if (i + 1 >= rest.size()) {
                    throw bad(name + " needs a value");
                }
                value = rest.get(++i);
            }
            switch (name) {
                case "--input": b.input(value); break;
                case "--output": b.output(value); break;
                case "--period":
                    try {
                        b.period(Period.parse(value));
                    } catch (IllegalArgumentException e) {
                        throw bad("--period: " + e.getMessage());
                    }
                    break;
                case "--as-of": b.asOf(date("--as-of", value)); break;
                case "--run-date": b.runDate(date("--run-date", value)); break;
                case "--master": b.master(value); break;
                case "--criteria": b.criteriaSet(value); break;
                default: throw bad("unknown option '" + name + "'; try --help");
            }
        }
        RunConfig c = b.build();
        if (c.official() && c.periods().isEmpty()) {
            throw bad("--official needs the periods to mark, given with --period");
        }
        if (!command.equals("generate")) {
            if (c.output() == null) {
                throw bad("--output DIR is required");
            }
            if ((command.equals("ingest") || command.equals("run")) && c.input() == null) {
                throw bad("--input DIR is required for '" + command + "'");
            }
        }
        return c;
    }

    private static LocalDate date(String option, String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw bad(option + " '" + v + "' is not a date yyyy-MM-dd");
        }
    }

    private static PipelineException bad(String msg) {
        return new PipelineException(ExitCode.BAD_ARGUMENTS, msg);
    }
}
