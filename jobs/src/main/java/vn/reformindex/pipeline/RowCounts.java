package vn.reformindex.pipeline;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.table.TableDecl;

/** Rows of a written table: per period for a period-keyed table (one small aggregate), else one total. */
final class RowCounts {
    /** The key of the total of a table that is not period-keyed. */
    static final String ALL = "";

    private RowCounts() {
    }

    static Map<String, Long> of(Dataset<Row> written, TableDecl table) {
        Map<String, Long> counts = new TreeMap<>();
        if (!table.periodKeyed()) {
            counts.put(ALL, written.count());
            return counts;
        }
        for (Row r : written.groupBy(TableDecl.PERIOD).count().collectAsList()) { // one row per period
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }
}
