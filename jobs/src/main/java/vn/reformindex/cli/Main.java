package vn.reformindex.cli;

import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import java.io.PrintStream;
import vn.reformindex.config.RunConfig;
import vn.reformindex.pipeline.Pipeline;

/**
 * The one entry point: {@code ./reform-index SUBCOMMAND ...} locally, or
 * {@code spark-submit --class vn.reformindex.cli.Main jar SUBCOMMAND ...} on a cluster.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // Stop Spark before exiting so listeners see the application end and event logs are complete.
        org.apache.spark.sql.SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
        System.exit(code);
    }

    /** Runs a command and returns its exit code; never exits the JVM (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(Help.TEXT);
            return args.length == 0 ? ExitCode.BAD_ARGUMENTS.code : ExitCode.OK.code;
        }
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.print(Help.TEXT);
                return ExitCode.OK.code;
            }
        }
        try {
            RunConfig config = Arguments.parse(args);
            Pipeline.run(config, out);
            return ExitCode.OK.code;
        } catch (PipelineException e) {
            err.println("reform-index: " + e.getMessage());
            return e.exitCode().code;
        } catch (RuntimeException e) {
            // Never print a Spark exception's message: it may quote a raw input line (personal data).
            err.println("reform-index: internal error " + e.getClass().getName()
                    + "; see the log file for the stack trace");
            org.apache.logging.log4j.LogManager.getLogger(Main.class).error("internal error", e);
            return ExitCode.FAILURE.code;
        }
    }
}
