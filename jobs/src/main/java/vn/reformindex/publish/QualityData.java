package vn.reformindex.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.publish.ReportModel.Quality;
import vn.reformindex.publish.ReportModel.ReconciliationRow;
import vn.reformindex.publish.ReportModel.Rejected;
import vn.reformindex.table.Tables;

/**
 * Data quality: the reconciliation of records per file and unit as ingest published it, and the rejected
 * (quarantined) records counted by reason and file. The quarantine's rows never reach the report, only their
 * counts (its masked text stays in rejected-records.csv).
 */
final class QualityData {
    private QualityData() {
    }

    static Quality of(Dataset<Row> reconciliation, Dataset<Row> quarantine) {
        List<Map<String, Object>> rec = ReportData.rows(reconciliation, lit(true));
        rec.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("file"))
                .thenComparing(r -> (String) r.get("unit_code")));
        List<ReconciliationRow> rows = new ArrayList<>();
        for (Map<String, Object> r : rec) {
            rows.add(new ReconciliationRow(ReportData.text(r.get("file")), ReportData.text(r.get("unit_code")), f(r, "read"),
                    f(r, "accepted"), f(r, "quarantined"), f(r, "superseded"), f(r, "balanced"), Boolean.TRUE.equals(r.get("balanced"))));
        }
        List<Rejected> rejected = new ArrayList<>();
        long total = 0;
        if (quarantine != null) {
            for (Row r : quarantine.groupBy("reason", "source_file").count()
                    .orderBy(col("count").desc(), col("reason"), col("source_file")).collectAsList()) {
                rejected.add(new Rejected(ReportData.vi(Tables.QUARANTINE, "reason", r.getString(0)), r.getString(1),
                        ReportData.count(r.getLong(2))));
                total += r.getLong(2);
            }
        }
        return new Quality(rows, rejected, ReportData.count(total));
    }

    private static String f(Map<String, Object> r, String column) {
        return ReportData.fmt(Tables.RECONCILIATION, column, r.get(column));
    }
}
