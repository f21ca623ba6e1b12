package vn.reformindex.cli;

/** The --help text, in plain words. */
final class Help {
    private Help() {
    }

    static final String TEXT = String.join("\n",
            "reform-index: scores and ranks government units on administrative reform from their dossier records.",
            "",
            "Usage:",
            "  ./reform-index SUBCOMMAND [options]",
            "  spark-submit --class vn.reformindex.cli.Main reform-index-jobs.jar SUBCOMMAND [options]",
            "",
            "Subcommands:",
            "  ingest     read the dossier files, quarantine bad records, write staged_dossiers,",
            "             quarantine and reconciliation",
            "  facts      turn staged dossiers into per-dossier facts (dossier_facts)",
            "  summary    write the processing summary, overdue dossiers and procedure summary",
            "  score      compute the criteria of the index for every unit and period",
            "  rank       rank units within their peer group and write the rankings report",
            "  run        everything above, in order",
            "",
            "Options:",
            "  --input DIR      folder with units.csv, procedures.csv, holidays.csv, manual-scores.csv,",
            "                   column-aliases.csv (where present) and dossiers/ (CSV and JSON Lines files)",
            "  --output DIR     folder for tables and reports (local path, hdfs:// or s3a://)",
            "  --period P       a year 2024, a quarter 2024-Q2, a month 2024-05 or a range",
            "                   2020-01-01..2020-10-29; repeat the option for several periods",
            "  --as-of DATE     judge open dossiers at this date (yyyy-MM-dd) instead of the period end",
            "  --run-date DATE  the day of the run (default today): later dates do not move the data cut-off",
            "  --full           re-read every input file (default: only files not read by an earlier run;",
            "                   a file changed or removed since then makes the run re-read everything)",
            "  --official       mark this run's figures for the --period periods as official",
            "  --restate        replace official figures this run recomputed (without it they are kept",
            "                   and the differences are written to reports/restatement*.csv)",
            "  --criteria SET   criteria set: a shipped id (766, example-xa) or the path of a YAML file",
            "  --master URL     Spark master (default local[*] unless spark-submit sets one)",
            "  --help           this text",
            "",
            "Exit codes:",
            "  0 success; 1 internal error; 2 bad arguments; 3 unreadable input (missing file, bad encoding,",
            "  missing column); 4 reconciliation failed (records lost); 5 invalid criteria set or configuration;",
            "  6 an output failed a consistency check. Details: docs/exit-codes.md",
            "");
}
