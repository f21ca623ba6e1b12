package vn.reformindex.core;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;

/**
 * The end of processing by status (definitions.md, Statuses and the end of processing), in one place: which
 * statuses end a dossier, with which kind of end, and which staged timestamps give the end, in order of
 * preference. Ingest validates records with {@link #endAt(int, Function)}; the facts layer derives
 * {@code end_kind} and {@code end_at} with the Spark columns of the same table.
 */
public enum EndOfProcessing {
    RESOLVED("resolved", List.of(9, 10), List.of("processing_ended_at", "returned_at")),
    WITHDRAWN("withdrawn", List.of(7), List.of("processing_ended_at", "updated_at")),
    STOPPED("stopped", List.of(8), List.of("refused_at", "processing_ended_at")),
    REFUSED_AT_INTAKE("refused_at_intake", List.of(3), List.of("refused_at", "processing_ended_at"));

    /** The end_kind code. */
    public final String code;
    /** TrangThaiHoSo values that end a dossier this way. */
    public final List<Integer> statuses;
    /** Staged timestamp columns giving the end, the first present one wins. */
    public final List<String> endColumns;

    EndOfProcessing(String code, List<Integer> statuses, List<String> endColumns) {
        this.code = code;
        this.statuses = statuses;
        this.endColumns = endColumns;
    }

    /** Statuses of dossiers never received: registered online (1) and refused at intake (3). */
    public static final List<Integer> NOT_RECEIVED = List.of(1, 3);

    /** The kind of end of a status, or null for a dossier still open. */
    public static EndOfProcessing of(int status) {
        for (EndOfProcessing e : values()) {
            if (e.statuses.contains(status)) {
                return e;
            }
        }
        return null;
    }

    /** The end of processing of a record, from its typed timestamps by column name; null when open or missing. */
    public static LocalDateTime endAt(int status, Function<String, LocalDateTime> timestamp) {
        EndOfProcessing e = of(status);
        if (e == null) {
            return null;
        }
        for (String c : e.endColumns) {
            LocalDateTime t = timestamp.apply(c);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** {@code end_kind} over a frame with a {@code status} column. */
    public static Column kindColumn() {
        Column out = null;
        for (EndOfProcessing e : values()) {
            Column cond = col("status").isin(e.statuses.toArray());
            out = out == null ? when(cond, lit(e.code)) : out.when(cond, lit(e.code));
        }
        return out;
    }

    /** {@code end_at} over a frame with {@code status} and the staged timestamp columns. */
    public static Column endAtColumn() {
        Column out = null;
        for (EndOfProcessing e : values()) {
            Column cond = col("status").isin(e.statuses.toArray());
            Column value = coalesce(e.endColumns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
            out = out == null ? when(cond, value) : out.when(cond, value);
        }
        return out;
    }

    /** Whether a dossier of this status was received. */
    public static Column receivedColumn() {
        return org.apache.spark.sql.functions.not(col("status").isin(NOT_RECEIVED.toArray()));
    }
}
