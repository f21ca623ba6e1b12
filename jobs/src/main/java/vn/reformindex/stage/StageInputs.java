package vn.reformindex.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.table.TableDecl;

/** The tables a stage was given, by declaration. */
public final class StageInputs {
    private final Map<String, Dataset<Row>> tables = new LinkedHashMap<>();

    public StageInputs put(TableDecl table, Dataset<Row> data) {
        tables.put(table.name(), data);
        return this;
    }

    /** A table the stage declared; fails when it was not given (an optional input that does not exist). */
    public Dataset<Row> get(TableDecl table) {
        Dataset<Row> t = tables.get(table.name());
        if (t == null) {
            throw new IllegalStateException("table " + table.name() + " was not given to the stage");
        }
        return t;
    }

    /** An optional input, or null when no run has produced it. */
    public Dataset<Row> optional(TableDecl table) {
        return tables.get(table.name());
    }

    public boolean has(TableDecl table) {
        return tables.containsKey(table.name());
    }
}
