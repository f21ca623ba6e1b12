package vn.reformindex.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.reformindex.report.CsvReportWriter;
import vn.reformindex.table.Format;

/**
 * Numbers inside Vietnamese sentences (findings, the scorecard's note on the total), written as the
 * Vietnamese copies of the reports write them: {@code 47.540}, {@code 0,00%}, {@code 2,75}.
 */
final class VietnameseNumbers {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private VietnameseNumbers() {
    }

    /** A count: {@code 47.540}; a count that is not whole (a sum of decimals) with two decimals, {@code 12,50}. */
    static String count(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0) {
            return CsvReportWriter.format(s.toBigIntegerExact(), Format.INTEGER, true);
        }
        return twoDecimals(v);
    }

    /** Two decimals, half-up: {@code 2,75}, {@code 12,50}. */
    static String twoDecimals(BigDecimal v) {
        return v == null ? null : CsvReportWriter.format(v, Format.POINTS_2, true);
    }

    /** A ratio as a percentage with two decimals: {@code 0,00%}, {@code 36,08%}. */
    static String percent(BigDecimal ratio) {
        return ratio == null ? null : CsvReportWriter.format(ratio.multiply(HUNDRED), Format.PERCENT_2, true) + "%";
    }

    /** A ratio as a short percentage (a target, a threshold): {@code 50%}, {@code 97,5%}. */
    static String shortPercent(BigDecimal ratio) {
        return ratio == null ? null : plain(ratio.multiply(HUNDRED)) + "%";
    }

    /** At most two decimals, trailing zeros dropped: {@code 6}, {@code 15,5}, {@code 100}. */
    static String plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (s.scale() <= 0) {
            return CsvReportWriter.format(s.toBigIntegerExact(), Format.INTEGER, true);
        }
        return CsvReportWriter.format(s, Format.DECIMAL, true);
    }
}
