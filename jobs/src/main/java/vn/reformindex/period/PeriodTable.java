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
        List<Row> rows = new ArrayList<>();
        for (PeriodWindow w : windows) {
            rows.add(RowFactory.create(w.label(), w.period.kind().name().toLowerCase(), w.start(), w.end(), w.asOf));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }
}
