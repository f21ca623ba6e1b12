package vn.reformindex.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;

/**
 * The one entry point: {@code ./reform-index SUBCOMMAND ...} locally, or
 * {@code spark-submit --class vn.reformindex.cli.Main reform-index-jobs-cluster.jar SUBCOMMAND ...} on a cluster.
 */
public final class Main {
    private Main() {
    }

    @Command(name = "reform-index", usageHelpWidth = 120, synopsisHeading = "",
            description = "Scores and ranks government units on administrative reform from their dossier records.",
            customSynopsis = {
                    "Usage: ./reform-index SUBCOMMAND [options]",
                    "       spark-submit --class vn.reformindex.cli.Main reform-index-jobs-cluster.jar SUBCOMMAND [options]",
                    ""},
            commandListHeading = "%nSubcommands:%n",
            footer = {"",
                    "  generate  Write a synthetic province's input files (./reform-index only, not in the cluster jar:",
                    "            ./reform-index generate --help; docs/generator.md).",
                    "",
                    "Each subcommand's options: ./reform-index SUBCOMMAND --help",
                    "",
                    "Exit codes:",
                    "  0 success; 1 internal error; 2 bad arguments; 3 unreadable input (missing file, bad encoding,",
                    "  missing column); 4 reconciliation failed (records lost); 5 invalid criteria set or configuration;",
                    "  6 an output failed a consistency check. Details: docs/exit-codes.md"})
    static final class Top implements Runnable {
        @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
        boolean help;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(new CommandLine(this), "no subcommand given; try --help");
        }
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        stopSpark();
        System.exit(code);
    }

    /** Stops the session commands ran in, before the JVM exits, so listeners see the application end and event logs are complete. */
    public static void stopSpark() {
        org.apache.spark.sql.SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
    }

    /** Runs a command and returns its exit code; never exits the JVM (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = commandLine(List.of(args), out);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("reform-index: " + e.getMessage());
            err.println("  try: ./reform-index " + (e.getCommandLine().getParent() == null ? "" : e.getCommandLine().getCommandName() + " ")
                    + "--help");
            return ExitCode.BAD_ARGUMENTS.code;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof PipelineException pe) {
                err.println("reform-index: " + pe.getMessage());
                return pe.exitCode().code;
            }
            // Never print a Spark exception's message: it may quote a raw input line (personal data).
            err.println("reform-index: internal error " + e.getClass().getName() + "; see the log file for the stack trace");
            LogManager.getLogger(Main.class).error("internal error", e);
            return ExitCode.FAILURE.code;
        });
        if (args.length == 0) {
            cli.usage(out);
            return ExitCode.BAD_ARGUMENTS.code;
        }
        return cli.execute(args);
    }

    /** The command tree: the top command and one subcommand per stage, plus run. */
    static CommandLine commandLine(List<String> arguments, PrintStream out) {
        CommandLine cli = new CommandLine(new Top());
        for (Commands.StageCommand c : List.of(new Commands.Ingest(), new Commands.Facts(), new Commands.Summary(),
                new Commands.Score(), new Commands.Rank(), new Commands.Run())) {
            c.arguments = arguments;
            c.out = out;
            cli.addSubcommand(new CommandLine(c));
        }
        Commands.Report report = new Commands.Report();
        report.arguments = arguments;
        report.out = out;
        cli.addSubcommand(new CommandLine(report));
        Commands.Sql sql = new Commands.Sql();
        sql.out = out;
        cli.addSubcommand(new CommandLine(sql));
        return cli;
    }
}
