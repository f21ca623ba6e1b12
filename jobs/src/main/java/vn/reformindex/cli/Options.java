package vn.reformindex.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import vn.reformindex.config.RunConfig;
import vn.reformindex.period.Period;

/** The options the subcommands share, in groups; each subcommand takes the groups it uses. */
final class Options {
    private Options() {
    }

    /** Every subcommand: where the inputs and outputs are, and how Spark runs. */
    static final class Common {
        @Option(names = "--input", paramLabel = "DIR", required = true,
                description = "folder with units.csv, procedures.csv, holidays.csv, manual-scores.csv, column-aliases.csv "
                        + "(where present) and dossiers/ (CSV and JSON Lines files)")
        String input;

        @Option(names = "--output", paramLabel = "DIR", required = true,
                description = "folder for tables and reports (local path, hdfs:// or s3a://)")
        String output;

        @Option(names = "--run-date", paramLabel = "DATE", converter = DateConverter.class,
                description = "the day of the run (default today): later dates do not move the data cut-off")
        LocalDate runDate;

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master (default local[*] unless spark-submit sets one)")
        String master;

        void apply(RunConfig.Builder b) {
            b.input(input).output(output).runDate(runDate).master(master);
        }
    }

    /** Subcommands that read the input files. */
    static final class Ingest {
        @Option(names = "--full", description = "re-read every input file (default: only files not read by an earlier run; "
                + "a file changed or removed since then makes the run re-read everything)")
        boolean full;

        void apply(RunConfig.Builder b) {
            b.fullIngest(full);
        }
    }

    /** Subcommands that work on periods. */
    static final class Periods {
        @Option(names = "--period", paramLabel = "P", converter = PeriodConverter.class,
                description = "a year 2024, a quarter 2024-Q2, a month 2024-05 or a range 2020-01-01..2020-10-29; repeat "
                        + "the option for several periods (default: the year of the data cut-off)")
        List<Period> periods = new ArrayList<>();

        @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
                description = "judge open dossiers at this date (yyyy-MM-dd) instead of the period end")
        LocalDate asOf;

        @Option(names = "--official", description = "mark this run's figures for the --period periods as official")
        boolean official;

        @Option(names = "--restate", description = "replace official figures this run recomputed (without it they are kept "
                + "and the differences are written to reports/restatement*.csv)")
        boolean restate;

        void apply(RunConfig.Builder b) {
            periods.forEach(b::period);
            b.asOf(asOf).official(official).restate(restate);
        }
    }

    /** Subcommands that score or rank. */
    static final class Criteria {
        @Option(names = "--criteria", paramLabel = "SET",
                description = "criteria set: a shipped id (766, example-xa) or the path of a YAML file (default 766)")
        String criteriaSet;

        void apply(RunConfig.Builder b) {
            b.criteriaSet(criteriaSet);
        }
    }

    /** Subcommands that rank: the rank intervals (docs/criteria.md, Rank intervals). */
    static final class Uncertainty {
        @Option(names = "--draws", paramLabel = "N", converter = DrawsConverter.class, description = "number of seeded draws of the rank intervals, 0 to "
                + vn.reformindex.criteria.Uncertainty.MAX_DRAWS + " (default: the criteria set's, else 1000)")
        Integer draws;

        @Option(names = "--no-uncertainty", description = "no rank intervals in this run")
        boolean none;

        void apply(RunConfig.Builder b) {
            b.draws(draws).noUncertainty(none);
        }
    }

    static final class DrawsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int max = vn.reformindex.criteria.Uncertainty.MAX_DRAWS;
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 0 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a whole number of draws from 0 to " + max);
        }
    }

    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date yyyy-MM-dd");
            }
        }
    }

    static final class PeriodConverter implements ITypeConverter<Period> {
        @Override
        public Period convert(String value) {
            try {
                return Period.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
