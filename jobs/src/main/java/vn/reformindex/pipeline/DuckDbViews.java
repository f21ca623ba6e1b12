package vn.reformindex.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The DuckDB script {@code current.duckdb.sql}: one {@code CREATE OR REPLACE VIEW} per current table, over
 * the Parquet files the pointer names, each period read once (docs/querying.md). Paths are relative to the
 * output folder, so the folder can be copied (off a cluster, to a laptop) and the script still holds:
 * start DuckDB inside the folder, or set DuckDB's {@code file_search_path} to it.
 */
public final class DuckDbViews {
    private DuckDbViews() {
    }

    public static String script(List<CurrentTable> tables) {
        StringBuilder sql = new StringBuilder();
        sql.append("-- The current tables of this reform-index output folder as DuckDB views, rewritten at every publication.\n");
        sql.append("-- Paths are relative to this folder: cd into it and run  duckdb -init ").append(OutputStore.DUCKDB_SCRIPT)
                .append("\n-- (or, elsewhere, SET file_search_path = '<this folder>'; then run these statements). See docs/querying.md.\n");
        if (!tables.isEmpty()) {
            sql.append("-- Source: ").append(tables.get(0).pointer()).append('\n');
        }
        for (CurrentTable t : tables) {
            sql.append("CREATE OR REPLACE VIEW ").append(identifier(t.name())).append(" AS\n");
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, List<String>> f : t.folders().entrySet()) {
                String part = "  SELECT * FROM read_parquet(" + literal(f.getKey() + "/*.parquet") + ")";
                if (f.getValue() != null) {
                    List<String> labels = new ArrayList<>();
                    f.getValue().forEach(l -> labels.add(literal(l)));
                    part += " WHERE period IN (" + String.join(", ", labels) + ")";
                }
                parts.add(part);
            }
            sql.append(String.join("\n  UNION ALL BY NAME\n", parts)).append(";\n");
        }
        return sql.toString();
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
