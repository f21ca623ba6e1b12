package vn.reformindex.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import vn.reformindex.table.TableDecl;

/** Rows of a written table: per period for a period-keyed table (one small aggregate), else one total. */
final class RowCounts {
    /** The key of the total of a table that is not period-keyed. */
    static final String ALL = "";
    /** How long a write's observed counts are awaited after the write returned. */
    private static final int WAIT_SECONDS = 30;
    /** Observation names are unique within a session. */
    private static final AtomicLong OBSERVATIONS = new AtomicLong();

    private RowCounts() {
    }

    /** Counts a written folder with a query of its own (two Spark jobs). */
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

    /**
     * The rows a write writes, counted as it writes them ({@link Dataset#observe}: no job of its own): all
     * rows, and for a period-keyed table the rows of each of the run's period labels.
     */
    static final class Observed {
        private final Observation observation = new Observation("reform-index rows " + OBSERVATIONS.incrementAndGet());
        private final TableDecl table;
        private final List<String> labels;
        /** The data to write, observed. */
        final Dataset<Row> data;

        Observed(Dataset<Row> data, TableDecl table, List<String> labels) {
            this.table = table;
            this.labels = List.copyOf(labels);
            List<Column> metrics = new ArrayList<>();
            if (table.periodKeyed()) {
                for (int i = 0; i < this.labels.size(); i++) {
                    metrics.add(count_if(col(TableDecl.PERIOD).equalTo(this.labels.get(i))).as("period_" + i));
                }
            }
            this.data = data.observe(observation, count(lit(1)).as("rows"), metrics.toArray(new Column[0]));
        }

        /**
         * After the write: the counts as {@link #of} gives them (periods without rows absent), or null when some
         * rows are of none of the run's periods (then {@link #of} counts the folder, as before).
         */
        Map<String, Long> counts() {
            Row m = metrics();
            if (m == null) {
                return null;
            }
            long rows = m.getLong(m.fieldIndex("rows"));
            Map<String, Long> counts = new TreeMap<>();
            if (!table.periodKeyed()) {
                counts.put(ALL, rows);
                return counts;
            }
            long labelled = 0;
            for (int i = 0; i < labels.size(); i++) {
                long n = m.getLong(m.fieldIndex("period_" + i));
                if (n > 0) {
                    counts.merge(labels.get(i), n, Long::sum);
                    labelled += n;
                }
            }
            return labelled == rows ? counts : null;
        }

        /**
         * The observed metrics, which Spark hands over shortly after the write; null when they do not come in
         * {@link #WAIT_SECONDS} (the folder is then counted): a count must never hang the run.
         */
        private Row metrics() {
            try {
                return scala.concurrent.Await.result(observation.future(),
                        scala.concurrent.duration.Duration.create(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
