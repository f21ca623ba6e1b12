package vn.reformindex.spark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DecimalType;
import vn.reformindex.table.Types;

import static org.apache.spark.sql.functions.udf;

/**
 * Exact ratios from integer counts (definitions.md: decimal arithmetic, scale 10, half-up; null when the
 * denominator is 0). Spark's own decimal division rounds to a scale chosen from the operand types and
 * would round twice, so the division is done here with {@link BigDecimal}.
 */
public final class Decimals {
    public static final int SCALE = Types.SCALE;
    public static final DecimalType TYPE = Types.EXACT;

    private static final UserDefinedFunction RATIO = udf((UDF2<Long, Long, BigDecimal>) Decimals::ratio, TYPE);
    private static final UserDefinedFunction PERCENT = udf((UDF2<Long, Long, BigDecimal>) Decimals::percent, TYPE);

    private Decimals() {
    }

    /** numerator / denominator at scale 10 half-up; null when either is null or the denominator is 0. */
    public static BigDecimal ratio(Long numerator, Long denominator) {
        if (numerator == null || denominator == null || denominator == 0L) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_UP);
    }

    /** 100 x numerator / denominator at scale 10 half-up; null when the denominator is 0. */
    public static BigDecimal percent(Long numerator, Long denominator) {
        if (numerator == null || denominator == null || denominator == 0L) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_UP);
    }

    public static Column ratio(Column numerator, Column denominator) {
        return RATIO.apply(numerator.cast("bigint"), denominator.cast("bigint"));
    }

    public static Column percent(Column numerator, Column denominator) {
        return PERCENT.apply(numerator.cast("bigint"), denominator.cast("bigint"));
    }
}
