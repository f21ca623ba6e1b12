package vn.reformindex.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table the pipeline writes, declared once: name, owning stage, what it holds, its columns (type, labels,
 * format, meaning), its key and whether it is period-keyed (a run replaces only the periods it computed).
 * Writers conform their frames to it, publication and restatement read its key, reports and docs read its
 * labels and formats.
 */
public final class TableDecl {
    /** The column of a period-keyed table that holds the period label. */
    public static final String PERIOD = "period";

    private final String name;
    private final String owner;
    private final String description;
    private final String notes;
    private final List<String> key;
    private final boolean periodKeyed;
    private final List<ColumnDecl> columns;
    private final Map<String, ColumnDecl> byName = new LinkedHashMap<>();
    private final StructType schema;

    private TableDecl(Builder b) {
        this.name = b.name;
        this.owner = b.owner;
        this.description = b.description;
        this.notes = b.notes;
        this.key = List.copyOf(b.key);
        this.periodKeyed = b.periodKeyed;
        this.columns = List.copyOf(b.columns);
        for (ColumnDecl c : columns) {
            if (byName.put(c.name(), c) != null) {
                throw new IllegalArgumentException(name + ": column " + c.name() + " declared twice");
            }
        }
        for (String k : key) {
            if (!byName.containsKey(k)) {
                throw new IllegalArgumentException(name + ": key column " + k + " is not declared");
            }
        }
        if (periodKeyed && (!byName.containsKey(PERIOD) || !key.contains(PERIOD))) {
            throw new IllegalArgumentException(name + ": a period-keyed table needs 'period' in its key");
        }
        List<StructField> fields = new ArrayList<>();
        boolean families = false;
        for (ColumnDecl c : columns) {
            families |= c.isFamily();
            fields.add(new StructField(c.name(), c.type(), c.nullable(), Metadata.empty()));
        }
        this.schema = families ? null : new StructType(fields.toArray(new StructField[0]));
    }

    public static Builder builder(String name, String owner) {
        return new Builder(name, owner);
    }

    public String name() { return name; }
    /** The stage (subcommand) that writes the table. */
    public String owner() { return owner; }
    /** One line: what a row is. */
    public String description() { return description; }
    /** Longer notes for the docs (may be empty). */
    public String notes() { return notes; }
    /** The columns that identify a row (with {@code period} for a period-keyed table). */
    public List<String> key() { return key; }
    public boolean periodKeyed() { return periodKeyed; }
    public List<ColumnDecl> columns() { return columns; }

    /** A declared column (or the family a concrete column belongs to). */
    public ColumnDecl column(String column) {
        ColumnDecl c = byName.get(column);
        if (c != null) {
            return c;
        }
        for (ColumnDecl f : columns) {
            if (f.isFamily() && f.matches(column)) {
                return f;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + column);
    }

    /** The Spark schema (a table with column families has none fixed: their members come from the data). */
    public StructType schema() {
        if (schema == null) {
            throw new IllegalStateException(name + " has column families: its schema depends on the data");
        }
        return schema;
    }

    /**
     * The frame with exactly the declared columns, in the declared order (family members where the family
     * is, in the frame's order). A missing, undeclared or differently typed column is a bug in the code that
     * built the frame: it fails here, before anything is written.
     */
    public Dataset<Row> conform(Dataset<Row> data) {
        Map<String, DataType> present = new LinkedHashMap<>();
        for (StructField f : data.schema().fields()) {
            present.put(f.name(), f.dataType());
        }
        List<Column> out = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (ColumnDecl c : columns) {
            List<String> names = new ArrayList<>();
            if (c.isFamily()) {
                present.keySet().stream().filter(c::matches).forEach(names::add);
            } else if (present.containsKey(c.name())) {
                names.add(c.name());
            } else {
                throw new IllegalStateException(name + ": declared column " + c.name() + " is missing from the data");
            }
            for (String n : names) {
                if (!sameType(c.type(), present.get(n))) {
                    throw new IllegalStateException(name + "." + n + ": declared " + c.type().simpleString()
                            + ", computed " + present.get(n).simpleString());
                }
                out.add(functions.col(n));
                used.add(n);
            }
        }
        List<String> extra = new ArrayList<>(present.keySet());
        extra.removeAll(used);
        if (!extra.isEmpty()) {
            throw new IllegalStateException(name + ": undeclared column(s) " + extra);
        }
        return data.select(out.toArray(new Column[0]));
    }

    /** Types equal up to nullability. */
    static boolean sameType(DataType a, DataType b) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return sameType(x.elementType(), y.elementType());
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            if (x.fields().length != y.fields().length) {
                return false;
            }
            for (int i = 0; i < x.fields().length; i++) {
                if (!x.fields()[i].name().equals(y.fields()[i].name())
                        || !sameType(x.fields()[i].dataType(), y.fields()[i].dataType())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** The declared column names in order (families as their pattern). */
    public List<String> columnNames() {
        List<String> out = new ArrayList<>();
        columns.forEach(c -> out.add(c.name()));
        return out;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a declaration column by column. */
    public static final class Builder {
        private final String name;
        private final String owner;
        private String description = "";
        private String notes = "";
        private final List<String> key = new ArrayList<>();
        private boolean periodKeyed;
        private final List<ColumnDecl> columns = new ArrayList<>();

        private Builder(String name, String owner) {
            this.name = name;
            this.owner = owner;
        }

        public Builder describe(String oneLine) { this.description = oneLine; return this; }
        public Builder notes(String text) { this.notes = text; return this; }
        public Builder key(String... columns) { key.addAll(Arrays.asList(columns)); return this; }
        /** Keyed by period: a run replaces only the periods it computed. */
        public Builder periodKeyed() { this.periodKeyed = true; return this; }

        /** A column; the English label is the name in words unless {@link #english} follows. */
        public Builder col(String column, DataType type, Format format, String vietnamese, String description) {
            return add(new ColumnDecl(column, type, true, words(column), vietnamese, format, description, Map.of()));
        }

        /** A column that is never null. */
        public Builder required(String column, DataType type, Format format, String vietnamese, String description) {
            return add(new ColumnDecl(column, type, false, words(column), vietnamese, format, description, Map.of()));
        }

        /** A code column with the Vietnamese label of each value ({@code value, label, value, label, ...}). */
        public Builder code(String column, boolean nullable, String vietnamese, String description, String... valueLabels) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i + 1 < valueLabels.length; i += 2) {
                labels.put(valueLabels[i], valueLabels[i + 1]);
            }
            return add(new ColumnDecl(column, DataTypes.StringType, nullable, words(column), vietnamese, Format.CODE,
                    description, labels));
        }

        /** Adds columns shared by several tables (the period, the criteria set...). */
        public Builder with(java.util.function.UnaryOperator<Builder> shared) {
            return shared.apply(this);
        }

        private Builder add(ColumnDecl c) {
            columns.add(c);
            return this;
        }

        public TableDecl build() {
            return new TableDecl(this);
        }

        /** {@code early_or_on_time} -> {@code Early or on time}. */
        static String words(String column) {
            String s = column.replace('_', ' ');
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }
}
