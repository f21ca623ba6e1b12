package vn.reformindex.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
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
        Row r = changes(before, after).agg(min(col("first_date")).as("first_date")).first();
        return r.getAs("first_date");
    }

    /**
     * The dossiers that differ: dossier_code, unit_code, change (added | removed | changed) and first_date,
     * the earliest date of either version (a period ending before it cannot have changed).
     */
    public static Dataset<Row> changes(Dataset<Row> before, Dataset<Row> after) {
        Dataset<Row> a = fingerprint(before, "a");
        Dataset<Row> b = fingerprint(after, "b");
        return a.join(b, a.col("a_code").equalTo(b.col("b_code")), "full_outer")
                .filter(a.col("a_hash").isNull().or(b.col("b_hash").isNull()).or(a.col("a_hash").notEqual(b.col("b_hash"))))
                .select(coalesce(b.col("b_code"), a.col("a_code")).as("dossier_code"),
                        coalesce(b.col("b_unit"), a.col("a_unit")).as("unit_code"),
                        when(a.col("a_hash").isNull(), "added").when(b.col("b_hash").isNull(), "removed").otherwise("changed").as("change"),
                        least(a.col("a_first"), b.col("b_first")).as("first_date"));
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
        return staged.select(col("dossier_code").as(side + "_code"), col("unit_code").as(side + "_unit"),
                sha2(to_json(struct(all.toArray(new Column[0]))), 256).as(side + "_hash"),
                least(dates.toArray(new Column[0])).as(side + "_first"));
    }
}
