package vn.reformindex.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.reformindex.config.RunConfig;
import vn.reformindex.io.Storage;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.table.TableDecl;

/**
 * Official periods this run recomputed: writes what would change (reports/restatement.csv) and which
 * dossiers caused it (reports/restatement-dossiers.csv), and says which official figures publication must
 * keep (all the recomputed ones, unless --restate).
 */
final class RestatementStep {
    private RestatementStep() {
    }

    static Set<String> run(SparkSession spark, RunConfig config, OutputStore store, List<PeriodWindow> periods,
                           String previousStaged, Dataset<Row> staged, Storage storage, RunManifest manifest) throws IOException {
        Map<String, String> official = store.officialPeriods();
        Set<String> recomputed = new TreeSet<>();
        LocalDate lastEnd = null;
        for (PeriodWindow w : periods == null ? List.<PeriodWindow>of() : periods) {
            if (official.containsKey(w.label())) {
                recomputed.add(w.label());
                lastEnd = lastEnd == null || w.end().isAfter(lastEnd) ? w.end() : lastEnd;
            }
        }
        if (recomputed.isEmpty() || store.writtenPeriodTables().isEmpty()) {
            return Set.of();
        }
        List<Row> cells = new ArrayList<>();
        for (Map.Entry<TableDecl, String> t : store.writtenPeriodTables().entrySet()) {
            Dataset<Row> recomputedTable = spark.read().parquet(t.getValue());
            for (String label : recomputed) {
                String officialUri = store.publishedPeriodUri(t.getKey().name(), label);
                if (officialUri != null) {
                    cells.addAll(Restatement.differences(t.getKey(), label, spark.read().parquet(officialUri),
                                    recomputedTable)
                            .orderBy("table", "period", "row_key", "column").collectAsList()); // cells of units x columns: small
                }
            }
        }
        List<Row> dossiers = List.of();
        if (previousStaged != null && staged != null) {
            dossiers = ChangeDetection.changes(spark.read().parquet(previousStaged), staged)
                    .filter(col("first_date").leq(lit(lastEnd)))
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
        return config.restate() ? Set.of() : recomputed;
    }
}
