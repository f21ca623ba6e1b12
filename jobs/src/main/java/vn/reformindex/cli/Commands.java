package vn.reformindex.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import vn.reformindex.config.RunConfig;
import vn.reformindex.core.ExitCode;
import vn.reformindex.pipeline.Pipeline;
import vn.reformindex.pipeline.RunResult;

/** The subcommands: each gathers its options into a {@link RunConfig} and runs its stages. */
final class Commands {
    private Commands() {
    }

    /** Runs the subcommand's stages and says where the outputs are. */
    abstract static class StageCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this subcommand's options")
        boolean help;
        @Mixin
        Options.Common common;
        List<String> arguments = List.of();
        PrintStream out = System.out;

        /** The options of the subcommand's other groups. */
        abstract void apply(RunConfig.Builder b);

        @Override
        public Integer call() {
            RunConfig.Builder b = RunConfig.builder(spec.name()).arguments(arguments);
            common.apply(b);
            apply(b);
            RunConfig config = b.build();
            RunResult r = Pipeline.run(config);
            out.println("reform-index: " + config.command() + " succeeded (run " + r.runId() + ")");
            out.println("  tables:  " + r.tablesUri() + " (current versions listed in " + r.pointersUri() + ")");
            out.println("  reports: " + r.reportsUri());
            if (r.record().get("committee_reports_pdf") != null) {
                out.println("  PDF: " + r.record().get("committee_reports_pdf"));
            }
            out.println("  run record: " + r.runRecordUri());
            return ExitCode.OK.code;
        }
    }

    @Command(usageHelpWidth = 120, sortOptions = false, name = "ingest", description = "Read the dossier files, quarantine bad records, write staged_dossiers, "
            + "quarantine and reconciliation.")
    static final class Ingest extends StageCommand {
        @Mixin
        Options.Ingest ingest;

        @Override
        void apply(RunConfig.Builder b) {
            ingest.apply(b);
        }
    }

    @Command(usageHelpWidth = 120, sortOptions = false, name = "facts", description = "Turn the staged dossiers into per-dossier facts (dossier_facts).")
    static final class Facts extends StageCommand {
        @Override
        void apply(RunConfig.Builder b) {
        }
    }

    @Command(usageHelpWidth = 120, sortOptions = false, name = "summary", description = "Write the processing summary, overdue dossiers and procedure summary "
            + "for the periods.")
    static final class Summary extends StageCommand {
        @Mixin
        Options.Periods periods;

        @Override
        void apply(RunConfig.Builder b) {
            periods.apply(b);
        }
    }

    /** Subcommands that score or rank: periods and a criteria set. */
    abstract static class CriteriaCommand extends StageCommand {
        @Mixin
        Options.Periods periods;
        @Mixin
        Options.Criteria criteria;

        @Override
        void apply(RunConfig.Builder b) {
            periods.apply(b);
            criteria.apply(b);
        }
    }

    @Command(usageHelpWidth = 120, sortOptions = false, name = "score",
            description = "Compute the criteria of the criteria set for every unit and period.")
    static final class Score extends CriteriaCommand {
    }

    @Command(usageHelpWidth = 120, sortOptions = false, name = "rank",
            description = "Rank units within their peer group; write the rankings, each unit's scorecard and its findings, with their reports.")
    static final class Rank extends CriteriaCommand {
        @Mixin
        Options.Uncertainty uncertainty;

        @Override
        void apply(RunConfig.Builder b) {
            super.apply(b);
            uncertainty.apply(b);
        }
    }

    @Command(usageHelpWidth = 120, sortOptions = false, name = Pipeline.ALL, description = "Run every stage in order: ingest, facts, summary, score, rank.")
    static final class Run extends CriteriaCommand {
        @Mixin
        Options.Ingest ingest;
        @Mixin
        Options.Uncertainty uncertainty;

        @Override
        void apply(RunConfig.Builder b) {
            super.apply(b);
            ingest.apply(b);
            uncertainty.apply(b);
        }
    }

    @Command(usageHelpWidth = 120, sortOptions = false, name = vn.reformindex.pipeline.ReportRebuild.COMMAND,
            description = "Rebuild every report (CSV, workbook, HTML and PDF per period, summary.md) from the published "
                    + "tables, without recomputing them.")
    static final class Report implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this subcommand's options")
        boolean help;
        @Option(names = "--output", paramLabel = "DIR", required = true, description = "the output folder of earlier runs")
        String output;
        @Option(names = "--period", paramLabel = "P", converter = Options.PeriodConverter.class,
                description = "a published period (repeatable; default: every published period of the rankings)")
        List<vn.reformindex.period.Period> periods = new java.util.ArrayList<>();
        @Mixin
        Options.Criteria criteria;
        @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*] unless spark-submit sets one)")
        String master;
        List<String> arguments = List.of();
        PrintStream out = System.out;

        @Override
        public Integer call() {
            RunConfig.Builder b = RunConfig.builder(vn.reformindex.pipeline.ReportRebuild.COMMAND).arguments(arguments)
                    .output(output).master(master);
            periods.forEach(b::period);
            criteria.apply(b);
            RunResult r = vn.reformindex.pipeline.ReportRebuild.run(b.build());
            out.println("reform-index: report succeeded (run " + r.runId() + ", from the published tables)");
            out.println("  reports: " + r.reportsUri());
            Object pdf = r.record().get("committee_reports_pdf");
            if (pdf != null) {
                out.println("  PDF: " + pdf);
            }
            return ExitCode.OK.code;
        }
    }

    @Command(usageHelpWidth = 120, sortOptions = false, name = "sql",
            description = "Run one Spark SQL query over the current tables of an output folder (one view per table, "
                    + "each period once; docs/querying.md) and print the result or write it.")
    static final class Sql implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this subcommand's options")
        boolean help;
        @Option(names = "--output", paramLabel = "DIR", required = true, description = "the output folder of earlier runs")
        String output;
        @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*] unless spark-submit sets one)")
        String master;
        @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100", description = "rows to print (default 100)")
        int maxRows;
        @Option(names = "--csv", paramLabel = "DIR", description = "write every row as CSV with a header into this new folder")
        String csv;
        @Option(names = "--parquet", paramLabel = "DIR", description = "write every row as Parquet into this new folder")
        String parquet;
        @picocli.CommandLine.Parameters(paramLabel = "QUERY", description = "e.g. \"SELECT period, count(*) FROM rankings GROUP BY period\"")
        String query;
        PrintStream out = System.out;

        @Override
        public Integer call() {
            org.apache.spark.sql.SparkSession spark = vn.reformindex.spark.Sessions.getOrCreate("reform-index sql", master);
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> result;
            try {
                result = vn.reformindex.pipeline.CurrentTables.sql(spark, output, query);
            } catch (Exception e) { // AnalysisException (parse errors included) is checked to javac
                if (!(e instanceof org.apache.spark.sql.AnalysisException)) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
                // Parse and analysis errors name tables and columns, never data: safe to print.
                throw new vn.reformindex.core.PipelineException(ExitCode.BAD_ARGUMENTS, "the query failed: " + e.getMessage(), e);
            }
            if (csv != null || parquet != null) {
                if (csv != null) {
                    vn.reformindex.pipeline.QueryOutput.write(result, "csv", csv);
                }
                if (parquet != null) {
                    vn.reformindex.pipeline.QueryOutput.write(result, "parquet", parquet);
                }
                out.println("reform-index: sql wrote " + (csv != null ? csv + " " : "") + (parquet != null ? parquet : ""));
            } else {
                vn.reformindex.pipeline.QueryOutput.print(result, maxRows, out);
            }
            return ExitCode.OK.code;
        }
    }
}
