package vn.reformindex.table;

import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.types.DataType;

/**
 * One column of a declared table: its name in the data (English, snake case), Spark type, whether it may be
 * null, its English and Vietnamese labels, how it is printed, what it means, and for a code column the
 * Vietnamese label of each value. A name with {@code <code>} in it is a family of columns, one per value
 * (e.g. {@code group_<code>_points}, one per group of the criteria set).
 */
public record ColumnDecl(String name, DataType type, boolean nullable, String english, String vietnamese,
                         Format format, String description, Map<String, String> valueLabels) {
    public ColumnDecl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, name);
        Objects.requireNonNull(english, name);
        Objects.requireNonNull(vietnamese, name);
        Objects.requireNonNull(format, name);
        Objects.requireNonNull(description, name);
        valueLabels = Map.copyOf(valueLabels);
        if (format == Format.CODE && valueLabels.isEmpty()) {
            throw new IllegalArgumentException(name + ": a code column needs its value labels");
        }
    }

    /** A column family: one concrete column per value of {@code <code>}. */
    public boolean isFamily() {
        return name.contains("<code>");
    }

    /** The concrete name of a family member, e.g. {@code group_A_points} for code {@code A}. */
    public String nameFor(String code) {
        return name.replace("<code>", code);
    }

    /** Whether a concrete column name belongs to this declaration (itself, or a member of its family). */
    public boolean matches(String column) {
        if (!isFamily()) {
            return name.equals(column);
        }
        int at = name.indexOf("<code>");
        String prefix = name.substring(0, at);
        String suffix = name.substring(at + "<code>".length());
        return column.length() > prefix.length() + suffix.length() && column.startsWith(prefix) && column.endsWith(suffix);
    }

    /** The family member's code, e.g. {@code A} for {@code group_A_points}. */
    public String codeOf(String column) {
        int at = name.indexOf("<code>");
        return column.substring(at, column.length() - (name.length() - at - "<code>".length()));
    }

    /** The Vietnamese label of a code value, or the value itself when the column declares none. */
    public String vietnameseValue(String value) {
        return valueLabels.getOrDefault(value, value);
    }
}
