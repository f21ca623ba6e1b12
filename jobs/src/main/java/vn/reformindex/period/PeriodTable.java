package vn.reformindex.period;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The small table of requested periods (period, period_kind, period_start, period_end, as_of) that facts
 * are joined with when aggregating, so one run produces any number of periods without storing period
 * membership per dossier.
 */
public final class PeriodTable {
    public static final StructType SCHEMA = new StructType()
            .add("period", DataTypes.StringType, false)
            .add("period_kind", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("period_end", DataTypes.DateType, false)
            .add("as_of", DataTypes.DateType, false);

    private PeriodTable() {
    }

    public static Dataset<Row> of(SparkSession spark, List<PeriodWindow> windows) {
        java.util.Map<String, PeriodWindow> byLabel = new java.util.LinkedHashMap<>();
        windows.forEach(w -> byLabel.put(w.label(), w));
        return keyed(spark, byLabel);
    }

    /** The table of windows under keys of the caller's (e.g. {@code 2024@2024-10-29} for a comparison window). */
    public static Dataset<Row> keyed(SparkSession spark, java.util.Map<String, PeriodWindow> windows) {
        List<Row> rows = new ArrayList<>();
        windows.forEach((key, w) -> rows.add(RowFactory.create(key, w.period.kind().name().toLowerCase(java.util.Locale.ROOT),
                w.start(), w.end(), w.asOf)));
        return spark.createDataFrame(rows, SCHEMA);
    }
}
