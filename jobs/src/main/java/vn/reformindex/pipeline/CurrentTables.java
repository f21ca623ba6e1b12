package vn.reformindex.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.Storage;
import vn.reformindex.table.TableDecl;

/**
 * The current tables of an output folder as Spark temporary views named after the tables
 * ({@code rankings}, {@code scores}, ...), read from one pointer so each period of a period-keyed table
 * appears once (docs/querying.md). For notebooks, the {@code sql} subcommand and anyone with a session.
 */
public final class CurrentTables {
    private CurrentTables() {
    }

    /**
     * Registers (or replaces) a temporary view per current table of {@code output} (a local path, hdfs://
     * or s3a:// URI) and returns the table names, sorted.
     */
    public static List<String> register(SparkSession spark, String output) {
        return register(spark, output, "");
    }

    /**
     * As {@link #register(SparkSession, String)}, with the views named {@code prefix + table}: two output
     * folders side by side in one session (e.g. {@code xa_rankings} beside {@code rankings}).
     */
    public static List<String> register(SparkSession spark, String output, String prefix) {
        Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
        List<CurrentTable> tables = new OutputStore(storage, output).current();
        if (tables.isEmpty()) {
            throw new PipelineException(ExitCode.UNREADABLE_INPUT, output + ": no published tables (no _pointers/*.json); "
                    + "run ./reform-index run first");
        }
        List<String> names = new ArrayList<>();
        for (CurrentTable t : tables) {
            read(spark, output, t).createOrReplaceTempView(prefix + t.name());
            names.add(prefix + t.name());
        }
        return names;
    }

    /** A current table as one frame: the union of its folders, each filtered to the periods read from it. */
    static Dataset<Row> read(SparkSession spark, String output, CurrentTable t) {
        Dataset<Row> union = null;
        for (Map.Entry<String, List<String>> f : t.folders().entrySet()) {
            Dataset<Row> part = spark.read().parquet(Storage.join(output, f.getKey()));
            if (f.getValue() != null) {
                part = part.filter(functions.col(TableDecl.PERIOD).isin(f.getValue().toArray()));
            }
            union = union == null ? part : union.unionByName(part, true);
        }
        return union;
    }

    /** Registers the views of {@code output} and runs one Spark SQL query over them. */
    public static Dataset<Row> sql(SparkSession spark, String output, String query) {
        register(spark, output);
        return spark.sql(query);
    }
}
