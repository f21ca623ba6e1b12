package vn.reformindex.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The earliest date touched by what changed between two versions of staged_dossiers: a dossier added,
 * removed or different in any column counts with every date of both its versions. Periods ending before
 * that date cannot have changed.
 */
public final class ChangeDetection {
    private static final String[] DATES = {"submitted_at", "received_at", "due_at", "processing_ended_at", "returned_at",
            "refused_at", "rated_at", "updated_at"};

    private ChangeDetection() {
    }

    /** Null when nothing changed. */
    public static LocalDate earliestChange(Dataset<Row> before, Dataset<Row> after) {
        Dataset<Row> a = fingerprint(before, "a");
        Dataset<Row> b = fingerprint(after, "b");
        Row r = a.join(b, a.col("a_code").equalTo(b.col("b_code")), "full_outer")
                .filter(a.col("a_hash").isNull().or(b.col("b_hash").isNull()).or(a.col("a_hash").notEqual(b.col("b_hash"))))
                .agg(min(least(a.col("a_first"), b.col("b_first"))))
                .first();
        return r.isNullAt(0) ? null : r.getLocalDate(0);
    }

    private static Dataset<Row> fingerprint(Dataset<Row> staged, String side) {
        List<Column> dates = new ArrayList<>();
        for (String d : DATES) {
            dates.add(to_date(col(d)));
        }
        List<Column> all = new ArrayList<>();
        for (String c : staged.columns()) {
            all.add(col(c));
        }
        return staged.select(col("dossier_code").as(side + "_code"),
                sha2(to_json(struct(all.toArray(new Column[0]))), 256).as(side + "_hash"),
                least(dates.toArray(new Column[0])).as(side + "_first"));
    }
}
