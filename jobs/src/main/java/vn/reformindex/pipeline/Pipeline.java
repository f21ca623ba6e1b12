package vn.reformindex.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.config.RunConfig;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.CriteriaSetLoader;
import vn.reformindex.facts.FactsStage;
import vn.reformindex.ingest.IngestStage;
import vn.reformindex.io.Storage;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.ranking.RankStage;
import vn.reformindex.reference.ReferenceData;
import vn.reformindex.reference.ReferenceLoader;
import vn.reformindex.report.Report;
import vn.reformindex.scoring.ScoreStage;
import vn.reformindex.spark.Functions;
import vn.reformindex.spark.Sessions;
import vn.reformindex.stage.RunContext;
import vn.reformindex.stage.Stage;
import vn.reformindex.stage.StageInputs;
import vn.reformindex.stage.StageOutput;
import vn.reformindex.stage.StageResult;
import vn.reformindex.stage.Verification;
import vn.reformindex.summary.SummaryStage;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * Runs stages, ordered by the tables they declare: {@code run} runs them all, a subcommand runs the stage of
 * that name on the tables published by earlier runs. The run context (reference data, criteria set,
 * periods) is resolved once; each stage's outputs are written into the run's own folders, re-read for the
 * next stage (no stage recomputes another) and verified; everything is published at once when every stage
 * succeeded, or nothing.
 */
public final class Pipeline {
    private static final Logger LOG = LogManager.getLogger(Pipeline.class);
    /** The command that runs every stage. */
    public static final String ALL = "run";

    private final List<Stage> stages;
    /** For tests: a fault right after this run's pointer is in place. */
    Runnable faultAfterPointer = () -> { };

    public Pipeline(List<Stage> stages) {
        this.stages = StageOrder.order(stages);
    }

    /** Every stage of the standard data flow. */
    public static Pipeline standard() {
        return new Pipeline(List.of(new IngestStage(), new FactsStage(), new SummaryStage(), new ScoreStage(), new RankStage()));
    }

    /** The stages, in the order they run. */
    public List<Stage> stages() {
        return stages;
    }

    /** Runs a command with the standard stages on a session built from the config. */
    public static RunResult run(RunConfig config) {
        SparkSession spark = Sessions.getOrCreate("reform-index " + config.command(), config.master());
        return standard().execute(spark, config);
    }

    /** The stages a command runs: all of them for {@link #ALL}, else the one of that name. */
    List<Stage> select(String command) {
        if (command.equals(ALL)) {
            return stages;
        }
        for (Stage s : stages) {
            if (s.name().equals(command)) {
                return List.of(s);
            }
        }
        throw new PipelineException(ExitCode.BAD_ARGUMENTS, "subcommand '" + command + "' is not available in this build");
    }

    public RunResult execute(SparkSession spark, RunConfig config) {
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        RunChecks.check(config, storage); // before anything is written, even the run's record
        OutputStore store = new OutputStore(storage, config.output());
        store.afterPointer = faultAfterPointer;
        RunManifest manifest = new RunManifest(store.runId(), config, spark.version());
        RunMetrics metrics = RunMetrics.attach(spark);
        manifest.put("spark_master", spark.sparkContext().master());
        manifest.put("default_parallelism", spark.sparkContext().defaultParallelism());
        try {
            store.begin(manifest);
            List<Stage> selected = select(config.command());
            RunContext ctx = context(spark, config, storage, selected);
            Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
            List<StageResult> results = new ArrayList<>();
            List<Report> runReports = new ArrayList<>();
            String previousStaged = store.tableUri(Tables.STAGED_DOSSIERS.name()); // before this run replaces it
            for (Stage stage : selected) {
                if (stage.usesPeriods() && !ctx.periodsResolved()) {
                    ctx = ctx.withPeriods(periods(spark, config, store, tables, previousStaged, manifest));
                }
                StageResult result = runStage(stage, ctx, store, tables, runReports);
                manifest.stage(result);
                results.add(result);
            }
            // The committee's HTML / PDF reports and summary.md, read from the written tables, on their own
            // thread while the workbook is written.
            ReportWriting.Committee committee = !tables.containsKey(Tables.RANKINGS.name()) ? null
                    : ReportWriting.committee(t -> tables.containsKey(t.name()) ? tables.get(t.name())
                    : store.exists(t) ? store.read(spark, t) : null, ctx.criteriaSet(), ctx.periodLabels(), storage,
                    store.stagingReports(), manifest, spark.sparkContext());
            String set = ctx.criteriaSetLoaded() ? ctx.criteriaSet().id + " " + ctx.criteriaSet().version : null;
            Runnable workbook = () -> {
                if (!runReports.isEmpty()) {
                    // One workbook of this run's reports (read from the written tables, before publication).
                    spark.sparkContext().setJobDescription("reform-index workbook");
                    manifest.put("workbook_rows", ReportWriting.workbook(runReports, ReportIndex.about(manifest.asMap(),
                            java.time.Instant.now().toString(), set), storage, store.stagingReports()));
                }
            };
            if (committee == null) {
                workbook.run();
            } else {
                committee.alongside(workbook, manifest);
            }
            spark.sparkContext().setJobDescription(null);
            manifest.put("spark_metrics", metrics.perStage(results));
            manifest.put("jvm_heap", metrics.heap());
            Set<String> keepOfficial = RestatementStep.run(spark, config, store, ctx.periodsResolved() ? ctx.periods() : null,
                    previousStaged, tables.get(Tables.STAGED_DOSSIERS.name()), storage, manifest);
            Set<String> markOfficial = new TreeSet<>();
            if (config.official()) {
                config.periods().forEach(p -> markOfficial.add(p.label()));
            }
            manifest.finish("succeeded", null);
            store.publish(manifest, markOfficial, keepOfficial);
            metrics.detach();
            return new RunResult(store.runId(), config.output(), results, manifest.asMap());
        } catch (Throwable t) {
            metrics.detach();
            PipelineException e = Failures.classify(t, config.output());
            if (store.isPublished()) {
                // The pointer is in place: the tables are published and stay; only what came after failed.
                e = new PipelineException(e.exitCode(), "the run's tables were published, then: " + e.getMessage(), e);
            }
            manifest.finish("failed", e.getMessage());
            store.abandon(manifest);
            throw e;
        }
    }

    /**
     * The context every stage shares, resolved before the first stage: reference data, and the criteria set
     * when a stage uses it (a broken set stops the run before any Spark job, not after ingest).
     */
    private static RunContext context(SparkSession spark, RunConfig config, Storage storage, List<Stage> selected) {
        ReferenceData ref = ReferenceLoader.load(storage, config.input());
        CriteriaSet set = selected.stream().anyMatch(Stage::usesCriteriaSet)
                ? CriteriaSetLoader.load(storage, config.criteriaSet()) : null;
        Functions.register(spark, ref.holidays);
        return new RunContext(spark, config, storage, ref, set, null);
    }

    /**
     * The run's periods, from the staged dossiers (this run's, or the published ones) and the published
     * periods that this run's changes can affect.
     */
    private static List<PeriodWindow> periods(SparkSession spark, RunConfig config, OutputStore store,
                                              Map<String, Dataset<Row>> tables, String previousStaged, RunManifest manifest) {
        Dataset<Row> staged = tables.get(Tables.STAGED_DOSSIERS.name());
        if (staged == null) {
            return RunPeriods.resolve(config, store.read(spark, Tables.STAGED_DOSSIERS), manifest, List.of());
        }
        LocalDate changedFrom = previousStaged == null ? null
                : ChangeDetection.earliestChange(spark.read().parquet(previousStaged), staged);
        manifest.put("earliest_changed_date", changedFrom == null ? null : changedFrom.toString());
        return RunPeriods.resolve(config, staged, manifest, RunPeriods.affected(store, changedFrom));
    }

    /** Plans, writes, re-reads, reports and verifies one stage. */
    private static StageResult runStage(Stage stage, RunContext ctx, OutputStore store, Map<String, Dataset<Row>> tables,
                                        List<Report> runReports) {
        SparkSession spark = ctx.spark;
        StageInputs inputs = new StageInputs();
        for (TableDecl t : stage.inputs()) {
            inputs.put(t, tables.containsKey(t.name()) ? tables.get(t.name()) : store.read(spark, t));
        }
        for (TableDecl t : stage.optionalInputs()) {
            if (tables.containsKey(t.name()) || store.exists(t)) {
                inputs.put(t, tables.containsKey(t.name()) ? tables.get(t.name()) : store.read(spark, t));
            }
        }
        long t0 = System.nanoTime();
        // Named jobs: the Spark UI, event logs and the run's metrics see which stage a task belongs to.
        spark.sparkContext().setJobDescription("reform-index " + stage.name());
        StageOutput output = stage.plan(ctx, inputs);
        List<String> labels = ctx.periodsResolved() ? ctx.periodLabels() : List.of();
        StageInputs written = new StageInputs();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Map<String, Long>> rowsPerPeriod = new LinkedHashMap<>();
        for (Map.Entry<TableDecl, Dataset<Row>> e : output.tables().entrySet()) {
            TableDecl t = e.getKey();
            if (!stage.outputs().contains(t)) {
                throw new IllegalStateException(stage.name() + " wrote " + t.name() + ", which it does not declare");
            }
            store.write(t, e.getValue(), labels);
            // What the run wrote (per period for a period-keyed table), counted by the write itself, else in
            // its folder: the run record and the pointer say how many rows each published folder holds.
            Map<String, Long> counts = store.observedRows(t);
            if (counts == null) {
                counts = RowCounts.of(store.readWritten(spark, t), t);
            }
            rows.put(t.name(), counts.values().stream().mapToLong(Long::longValue).sum());
            if (t.periodKeyed()) {
                rowsPerPeriod.put(t.name(), counts);
            }
            store.recordRows(t, counts);
            Dataset<Row> back = store.read(spark, t);
            tables.put(t.name(), back);
            // A period-keyed table read back holds every published period: reports and checks see this run's.
            Dataset<Row> thisRun = t.periodKeyed()
                    ? back.filter(org.apache.spark.sql.functions.col(TableDecl.PERIOD).isin(labels.toArray())) : back;
            written.put(t, thisRun);
        }
        List<Report> reports = new ArrayList<>();
        for (Report r : output.reports()) {
            reports.add(r.resolve(written.get(r.table())));
        }
        ReportWriting.write(reports, ctx.storage, store.stagingReports());
        runReports.addAll(reports);
        output.cleanups().forEach(Runnable::run);
        Verification verification = stage.verify(ctx, written);
        Map<String, Object> notes = new LinkedHashMap<>(output.notes());
        notes.putAll(verification.notes());
        double seconds = (System.nanoTime() - t0) / 1e9;
        StageResult result = new StageResult(stage.name(), seconds, rows, rowsPerPeriod, verification.checks(), notes);
        for (Verification.Check c : verification.checks()) {
            if (!c.passed()) {
                throw new PipelineException(c.failure(), c.detail());
            }
        }
        LOG.info("stage {}: {} in {} s", stage.name(), rows, String.format("%.1f", seconds));
        return result;
    }
}
