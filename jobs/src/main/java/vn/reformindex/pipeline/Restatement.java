package vn.reformindex.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.try_subtract;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import vn.reformindex.spark.Names;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Types;

/**
 * What a recomputation would change in an official period: for one period-keyed table, every cell whose
 * new value differs from the official one. Rows are identified by the table's declared key; every other
 * column is compared (as text, with the numeric difference when both are numbers).
 */
public final class Restatement {
    private Restatement() {
    }

    /** Columns: table, period, row_key (JSON of the key columns), column, official_value, new_value, difference. */
    public static Dataset<Row> differences(TableDecl table, String period, Dataset<Row> official, Dataset<Row> recomputed) {
        List<String> keys = table.key();
        List<String> values = new ArrayList<>();
        List<String> before = java.util.Arrays.asList(official.columns());
        for (String c : recomputed.columns()) {
            if (!keys.contains(c) && before.contains(c)) {
                values.add(c);
            }
        }
        Dataset<Row> a = cells(official.filter(col(TableDecl.PERIOD).equalTo(period)), keys, values, "official_value");
        Dataset<Row> b = cells(recomputed.filter(col(TableDecl.PERIOD).equalTo(period)), keys, values, "new_value");
        Dataset<Row> joined = a.join(b, Names.seq("row_key", "column"), "full_outer");
        Column differs = col("official_value").eqNullSafe(col("new_value")).unary_$bang();
        Column diff = try_subtract(col("new_value").cast(Types.EXACT), col("official_value").cast(Types.EXACT));
        return joined.filter(differs).select(lit(table.name()).as("table"), lit(period).as("period"), col("row_key"), col("column"),
                col("official_value"), col("new_value"), diff.as("difference"));
    }

    private static Dataset<Row> cells(Dataset<Row> t, List<String> keys, List<String> values, String valueName) {
        List<Column> keyCols = new ArrayList<>();
        keys.forEach(k -> keyCols.add(col(k)));
        List<Column> cols = new ArrayList<>();
        cols.add(to_json(struct(keyCols.toArray(new Column[0]))).as("row_key"));
        for (String v : values) {
            cols.add(col(v).cast(DataTypes.StringType).as(v));
        }
        Dataset<Row> wide = t.select(cols.toArray(new Column[0]));
        Column[] valueCols = values.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return wide.unpivot(new Column[]{col("row_key")}, valueCols, "column", valueName)
                .select(col("row_key"), col("column"), coalesce(col(valueName), lit(null)).as(valueName));
    }
}
