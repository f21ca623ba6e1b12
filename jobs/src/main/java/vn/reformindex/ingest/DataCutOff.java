package vn.reformindex.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The data cut-off (definitions.md, Time): the latest NgayCapNhat, NgayTiepNhan, NgayKetThucXuLy, NgayTra
 * or NgayTuChoi of the accepted records that is not after the day of the run. Due dates do not count.
 */
public final class DataCutOff {
    private static final String[] COLUMNS = {"updated_at", "received_at", "processing_ended_at", "returned_at", "refused_at"};

    private DataCutOff() {
    }

    /** Null when there are no dated records. */
    public static LocalDate compute(Dataset<Row> staged, LocalDate runDate) {
        List<Column> dates = new ArrayList<>();
        for (String c : COLUMNS) {
            Column d = to_date(col(c));
            dates.add(when(d.leq(lit(runDate)), d));
        }
        Row r = staged.agg(max(greatest(dates.toArray(new Column[0]))).as("cut_off")).first();
        return r.getAs("cut_off");
    }
}
