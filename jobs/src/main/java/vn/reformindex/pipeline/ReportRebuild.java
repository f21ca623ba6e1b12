package vn.reformindex.pipeline;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.config.RunConfig;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.CriteriaSetLoader;
import vn.reformindex.io.Storage;
import vn.reformindex.period.Period;
import vn.reformindex.report.Report;
import vn.reformindex.spark.Sessions;
import vn.reformindex.stage.Stage;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * The {@code report} command: rebuilds every report (the stages' CSV reports, the workbook, the committee's
 * HTML / PDF reports and summary.md) for published periods from the published tables, computing nothing.
 * Its reports replace those of the same names in {@code reports/}; {@code reports/index.csv} names this run.
 */
public final class ReportRebuild {
    public static final String COMMAND = "report";

    private ReportRebuild() {
    }

    /** Runs the command on a session built from the config. */
    public static RunResult run(RunConfig config) {
        return execute(Sessions.getOrCreate("reform-index " + COMMAND, config.master()), config);
    }

    public static RunResult execute(SparkSession spark, RunConfig config) {
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        OutputStore store = new OutputStore(storage, config.output());
        SortedSet<String> published = new TreeSet<>(store.publishedPeriods(Tables.RANKINGS.name()).keySet());
        if (published.isEmpty()) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, config.output() + ": no rankings are published there; "
                    + "run 'run' (or 'rank') first");
        }
        List<String> periods = new ArrayList<>();
        for (Period p : config.periods()) {
            if (!published.contains(p.label())) {
                throw new PipelineException(ExitCode.BAD_ARGUMENTS, "period " + p.label() + " is not published in "
                        + config.output() + "; published: " + String.join(", ", published));
            }
            periods.add(p.label());
        }
        if (periods.isEmpty()) {
            periods.addAll(published);
        }
        CriteriaSet set = CriteriaSetLoader.load(storage, config.criteriaSet());
        Dataset<Row> rankings = store.read(spark, Tables.RANKINGS).filter(col("period").isin(periods.toArray()));
        for (Row r : rankings.select("period", "criteria_set_id", "criteria_set_version", "criteria_set_hash").distinct()
                .collectAsList()) {
            if (!set.contentHash.equals(r.getString(3))) {
                throw new PipelineException(ExitCode.BAD_CONFIGURATION, "the rankings of " + r.getString(0) + " were made with "
                        + "criteria set " + r.getString(1) + " version " + r.getString(2) + ", not with " + set.id + " version "
                        + set.version + " (" + set.source + "): give that set with --criteria");
            }
        }
        RunManifest manifest = new RunManifest(store.runId(), config, spark.version());
        Map<String, Object> source = store.publishedRunRecord();
        manifest.put("tables_from_run", source.get("run_id"));
        manifest.put("data_cut_off", source.get("data_cut_off"));
        manifest.put("periods", periodsOf(source, periods));
        try {
            store.begin(manifest);
            List<Report> reports = new ArrayList<>();
            for (Stage stage : Pipeline.standard().stages()) {
                for (Report r : stage.reports(set)) {
                    Dataset<Row> table = published(spark, store, r.table(), periods);
                    if (table != null) {
                        reports.add(r.resolve(table));
                    }
                }
            }
            ReportWriting.write(reports, storage, store.stagingReports());
            manifest.put("reports", reports.stream().map(Report::fileName).toList());
            ReportWriting.Committee committee = ReportWriting.committee(t -> published(spark, store, t, periods), set, periods,
                    storage, store.stagingReports(), manifest, spark.sparkContext());
            committee.alongside(() -> {
                if (!reports.isEmpty()) {
                    manifest.put("workbook_rows", ReportWriting.workbook(reports, ReportIndex.about(manifest.asMap(),
                            java.time.Instant.now().toString(), set.id + " " + set.version), storage, store.stagingReports()));
                }
            }, manifest);
            manifest.finish("succeeded", null);
            store.publishReports(manifest);
            return new RunResult(store.runId(), config.output(), List.of(), manifest.asMap());
        } catch (IOException | RuntimeException e) {
            PipelineException pe = Failures.classify(e, config.output());
            manifest.finish("failed", pe.getMessage());
            store.abandon(manifest);
            throw pe;
        }
    }

    /** A published table, its requested periods only when it is period-keyed; null when it is not published. */
    private static Dataset<Row> published(SparkSession spark, OutputStore store, TableDecl t, List<String> periods) {
        if (!store.exists(t) && store.publishedPeriods(t.name()).isEmpty()) {
            return null;
        }
        Dataset<Row> all = store.read(spark, t);
        return t.periodKeyed() ? all.filter(col(TableDecl.PERIOD).isin(periods.toArray())) : all;
    }

    /** The requested periods with their as-of dates, from the record of the run that made the tables. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> periodsOf(Map<String, Object> source, List<String> periods) {
        List<Map<String, Object>> out = new ArrayList<>();
        Object ps = source.get("periods");
        if (ps instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> m = (Map<String, Object>) o;
                if (periods.contains(String.valueOf(m.get("period")))) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
