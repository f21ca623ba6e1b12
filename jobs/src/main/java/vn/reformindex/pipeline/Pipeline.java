package vn.reformindex.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.config.RunConfig;
import vn.reformindex.ingest.DataCutOff;
import vn.reformindex.ingest.IngestStage;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.reference.ReferenceData;
import vn.reformindex.reference.ReferenceLoader;
import vn.reformindex.spark.Sessions;

/**
 * The stages wired in order. Each subcommand runs one stage ({@code ingest}, {@code facts}, ...) on the
 * tables published by earlier runs, or all of them ({@code run}); outputs are published only when every
 * stage of the run succeeded.
 */
public final class Pipeline {
    private static final Logger LOG = LogManager.getLogger(Pipeline.class);

    private final List<Stage> stages;

    public Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** Every stage, in data-flow order. */
    public static Pipeline standard() {
        return new Pipeline(List.of(new IngestStage(), new vn.reformindex.facts.FactsStage(),
                new vn.reformindex.summary.SummaryStage(), new vn.reformindex.scoring.ScoreStage(),
                new vn.reformindex.ranking.RankStage()));
    }

    /** Runs a command with the standard stages on a session built from the config. */
    public static RunManifest run(RunConfig config, PrintStream out) {
        SparkSession spark = Sessions.getOrCreate("reform-index " + config.command(), config.master());
        return standard().execute(spark, config, out);
    }

    /** The stages a command runs. */
    List<Stage> select(String command) {
        if (command.equals("run")) {
            return stages;
        }
        List<Stage> one = new ArrayList<>();
        for (Stage s : stages) {
            if (s.name().equals(command)) {
                one.add(s);
            }
        }
        if (one.isEmpty()) {
            throw new PipelineException(ExitCode.BAD_ARGUMENTS, "subcommand '" + command + "' is not available in this build");
        }
        return one;
    }

    public RunManifest execute(SparkSession spark, RunConfig config, PrintStream out) {
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        OutputStore store = new OutputStore(storage, config.output());
        RunManifest manifest = new RunManifest(store.runId(), config, spark.version());
        SparkMetrics metrics = new SparkMetrics();
        spark.sparkContext().addSparkListener(metrics);
        int cores = spark.sparkContext().defaultParallelism();
        manifest.put("spark_master", spark.sparkContext().master());
        manifest.put("default_parallelism", cores);
        try {
            if (config.input() == null) {
                throw new PipelineException(ExitCode.BAD_ARGUMENTS, "--input DIR is required (the unit registry and catalogue are read from it)");
            }
            ReferenceData ref = ReferenceLoader.load(storage, config.input());
            for (Stage s : select(config.command())) {
                if (s.name().equals("score") || s.name().equals("rank")) {
                    // A broken criteria set stops the run before any Spark job, not after ingest.
                    vn.reformindex.criteria.CriteriaSetLoader.load(storage, config.criteriaSet());
                    break;
                }
            }
            vn.reformindex.spark.Functions.register(spark, ref.holidays);
            Map<String, Dataset<Row>> tables = new HashMap<>();
            List<PeriodWindow> periods = null;
            Map<String, Double> stageSeconds = new LinkedHashMap<>();
            String previousStaged = store.tableUri(IngestStage.STAGED); // before this run replaces it
            for (Stage stage : select(config.command())) {
                if (periods == null && !stage.name().equals("ingest")) {
                    periods = resolvePeriods(config, store.read(spark, IngestStage.STAGED), manifest, List.of());
                }
                StageContext ctx = new StageContext(spark, config, storage, ref, periods == null ? List.of() : periods);
                Map<String, Dataset<Row>> inputs = new LinkedHashMap<>();
                for (String name : stage.inputs()) {
                    inputs.put(name, tables.containsKey(name) ? tables.get(name) : store.read(spark, name));
                }
                for (String name : stage.optionalInputs()) {
                    if (tables.containsKey(name) || store.tableUri(name) != null) {
                        inputs.put(name, tables.containsKey(name) ? tables.get(name) : store.read(spark, name));
                    }
                }
                long t0 = System.nanoTime();
                // Named jobs: the Spark UI, event logs and test listeners see which stage a task belongs to.
                spark.sparkContext().setJobDescription("reform-index " + stage.name());
                StageOutput output = stage.run(ctx, inputs);
                Map<String, Dataset<Row>> written = new LinkedHashMap<>();
                Map<String, Long> rows = new LinkedHashMap<>();
                List<String> labels = new ArrayList<>();
                for (PeriodWindow w : ctx.periods) {
                    labels.add(w.label());
                }
                for (Map.Entry<String, Dataset<Row>> e : output.tables().entrySet()) {
                    store.write(e.getKey(), e.getValue(), labels);
                    Dataset<Row> back = store.read(spark, e.getKey());
                    written.put(e.getKey(), back);
                    tables.put(e.getKey(), back);
                    rows.put(e.getKey(), back.count());
                }
                List<vn.reformindex.report.Report> reports = new ArrayList<>();
                for (vn.reformindex.report.Report r : output.reports().values()) {
                    reports.add(r.resolve(writtenThisRun(written, ctx)));
                }
                ReportWriting.write(reports, storage, store.stagingReports());
                output.cleanups().forEach(Runnable::run);
                stage.verify(ctx, written, manifest);
                double seconds = (System.nanoTime() - t0) / 1e9;
                manifest.stage(stage.name(), seconds, rows, output.notes());
                stageSeconds.put(stage.name(), seconds);
                LOG.info("stage {}: {} in {} s", stage.name(), rows, String.format("%.1f", seconds));
                if (periods == null && stage.name().equals("ingest")) {
                    Dataset<Row> staged = tables.get(IngestStage.STAGED); // null when nothing new was read
                    LocalDate changedFrom = previousStaged == null || staged == null ? null
                            : ChangeDetection.earliestChange(spark.read().parquet(previousStaged), staged);
                    manifest.put("earliest_changed_date", changedFrom == null ? null : changedFrom.toString());
                    periods = resolvePeriods(config, staged != null ? staged : store.read(spark, IngestStage.STAGED), manifest,
                            affectedPublishedPeriods(store, changedFrom));
                }
            }
            spark.sparkContext().setJobDescription(null);
            recordMetrics(metrics, stageSeconds, cores, manifest);
            java.util.Set<String> keepOfficial = restate(spark, config, store, periods, previousStaged,
                    tables.get(IngestStage.STAGED), storage, manifest);
            java.util.Set<String> markOfficial = new java.util.TreeSet<>();
            if (config.official()) {
                config.periods().forEach(p -> markOfficial.add(p.label()));
            }
            manifest.finish("succeeded", null);
            store.publish(manifest, markOfficial, keepOfficial);
            spark.sparkContext().removeSparkListener(metrics);
            out.println("reform-index: " + config.command() + " succeeded (run " + store.runId() + ")");
            out.println("  tables:  " + Storage.join(config.output(), "tables") + " (current versions listed in "
                    + Storage.join(config.output(), "_pointers") + ")");
            out.println("  reports: " + Storage.join(config.output(), "reports"));
            out.println("  run record: " + Storage.join(config.output(), "_RUN.json"));
            return manifest;
        } catch (PipelineException e) {
            spark.sparkContext().removeSparkListener(metrics);
            manifest.finish("failed", e.getMessage());
            store.abandon(manifest);
            throw e;
        } catch (IOException e) {
            manifest.finish("failed", e.getMessage());
            store.abandon(manifest);
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, config.output() + ": cannot write outputs: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            manifest.finish("failed", e.getClass().getName());
            store.abandon(manifest);
            throw e;
        }
    }

    /** The stage's written tables restricted to this run's periods (a period-keyed table holds all published ones). */
    private static Map<String, Dataset<Row>> writtenThisRun(Map<String, Dataset<Row>> written, StageContext ctx) {
        List<String> labels = new ArrayList<>();
        ctx.periods.forEach(w -> labels.add(w.label()));
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        written.forEach((name, t) -> out.put(name, java.util.Arrays.asList(t.columns()).contains(OutputStore.PERIOD)
                ? t.filter(org.apache.spark.sql.functions.col(OutputStore.PERIOD).isin(labels.toArray())) : t));
        return out;
    }

    /** Spark's task metrics per stage into _RUN.json, after the listener bus has caught up. */
    private static void recordMetrics(SparkMetrics metrics, Map<String, Double> stageSeconds, int cores, RunManifest manifest) {
        try {
            Thread.sleep(200); // listener events are delivered asynchronously
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Object> all = new LinkedHashMap<>();
        stageSeconds.forEach((stage, seconds) -> all.put(stage, metrics.of(stage, seconds, cores)));
        manifest.put("spark_metrics", all);
    }

    /**
     * Official periods this run recomputed: writes what would change (reports/restatement.csv) and which
     * dossiers caused it (reports/restatement-dossiers.csv). Returns the periods whose official figures
     * must be kept (all of them, unless --restate).
     */
    static java.util.Set<String> restate(SparkSession spark, RunConfig config, OutputStore store, List<PeriodWindow> periods,
                                         String previousStaged, Dataset<Row> staged, Storage storage, RunManifest manifest)
            throws IOException {
        Map<String, String> official = store.officialPeriods();
        java.util.Set<String> recomputed = new java.util.TreeSet<>();
        LocalDate lastEnd = null;
        for (PeriodWindow w : periods == null ? List.<PeriodWindow>of() : periods) {
            if (official.containsKey(w.label())) {
                recomputed.add(w.label());
                lastEnd = lastEnd == null || w.end().isAfter(lastEnd) ? w.end() : lastEnd;
            }
        }
        if (recomputed.isEmpty() || store.writtenPeriodTables().isEmpty()) {
            return java.util.Set.of();
        }
        List<Row> cells = new ArrayList<>();
        for (Map.Entry<String, String> t : store.writtenPeriodTables().entrySet()) {
            Dataset<Row> recomputedTable = spark.read().parquet(t.getValue());
            for (String label : recomputed) {
                String officialUri = store.publishedPeriodUri(t.getKey(), label);
                if (officialUri != null) {
                    cells.addAll(Restatement.differences(t.getKey(), label, spark.read().parquet(officialUri), recomputedTable)
                            .orderBy("table", "period", "row_key", "column").collectAsList()); // cells of units x columns: small
                }
            }
        }
        List<Row> dossiers = List.of();
        if (previousStaged != null && staged != null) {
            dossiers = ChangeDetection.changes(spark.read().parquet(previousStaged), staged)
                    .filter(org.apache.spark.sql.functions.col("first_date").leq(org.apache.spark.sql.functions.lit(lastEnd)))
                    .orderBy("unit_code", "dossier_code").collectAsList(); // the dossiers of one increment
        }
        RestatementReports.write(storage, Storage.join(store.stagingReports(), "restatement.csv"),
                List.of("table", "period", "row_key", "column", "official_value", "new_value", "difference"), cells);
        RestatementReports.write(storage, Storage.join(store.stagingReports(), "restatement-dossiers.csv"),
                List.of("dossier_code", "unit_code", "change", "first_date"), dossiers);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("official_periods_recomputed", List.copyOf(recomputed));
        note.put("cells_changed", cells.size());
        note.put("dossiers_changed", dossiers.size());
        note.put("replaced", config.restate());
        manifest.put("restatement", note);
        return config.restate() ? java.util.Set.of() : recomputed;
    }

    /**
     * Published periods that the changed dossiers can affect: every period ending on or after the earliest
     * changed date is recomputed, so published figures never go stale silently.
     */
    static List<Period> affectedPublishedPeriods(OutputStore store, LocalDate changedFrom) {
        List<Period> out = new ArrayList<>();
        if (changedFrom == null) {
            return out;
        }
        for (String label : store.publishedPeriodLabels()) {
            Period p = Period.parse(label);
            if (!p.end().isBefore(changedFrom)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The periods of the run with their as-of dates from the data cut-off: the requested ones (without
     * --period, the year of the cut-off), then the published ones to recompute.
     */
    static List<PeriodWindow> resolvePeriods(RunConfig config, Dataset<Row> staged, RunManifest manifest,
                                             List<Period> recompute) {
        LocalDate cutOff = DataCutOff.compute(staged, config.runDate());
        List<Period> requested = new ArrayList<>(config.periods());
        if (requested.isEmpty()) {
            requested.add(Period.year((cutOff != null ? cutOff : config.runDate()).getYear()));
        }
        for (Period p : recompute) {
            if (!requested.contains(p)) {
                requested.add(p);
            }
        }
        List<PeriodWindow> windows = new ArrayList<>();
        for (Period p : requested) {
            windows.add(new PeriodWindow(p, p.asOf(config.asOf(), cutOff)));
        }
        manifest.dataCutOff(cutOff, windows);
        return windows;
    }
}
