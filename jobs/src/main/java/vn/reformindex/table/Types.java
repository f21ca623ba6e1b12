package vn.reformindex.table;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/** The column types the tables use, named once. */
public final class Types {
    private Types() {
    }

    /** Scale of exact ratios, percentages and points (definitions.md: scale 10, half-up). */
    public static final int SCALE = 10;
    /** Exact figures: ratios, percentages, points. */
    public static final DecimalType EXACT = DataTypes.createDecimalType(38, SCALE);
    /** Its SQL spelling, for expressions. */
    public static final String EXACT_SQL = "DECIMAL(38," + SCALE + ")";
    /** Published totals: two decimals, what the committee sees and what ranks use. */
    public static final DecimalType PUBLISHED = DataTypes.createDecimalType(38, 2);
    /** Hours and time limits as entered. */
    public static final DecimalType HOURS = DataTypes.createDecimalType(12, 2);

    public static final DataType STRING = DataTypes.StringType;
    public static final DataType INT = DataTypes.IntegerType;
    public static final DataType LONG = DataTypes.LongType;
    public static final DataType BOOLEAN = DataTypes.BooleanType;
    public static final DataType DATE = DataTypes.DateType;
    public static final DataType TIMESTAMP = DataTypes.TimestampNTZType;
    public static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);
}
