package vn.reformindex.ranking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.reference.Unit;
import vn.reformindex.reference.UnitRegistry;

/**
 * The comparison windows of the requested periods (definitions.md, Comparisons): the same period of the
 * previous year up to the as-of date one year earlier, and the immediately preceding period of the same
 * kind up to the same offset from its start. Each is keyed {@code label@as_of}, so that a truncated
 * comparison never mixes with a full period of the same name.
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** One comparison: the requested window, the basis, the comparison window. */
    public record Pair(PeriodWindow requested, String basis, PeriodWindow compared) {
        public String key() {
            return Comparisons.key(compared);
        }
    }

    public static String key(PeriodWindow w) {
        return w.label() + "@" + w.asOf;
    }

    public static List<Pair> of(List<PeriodWindow> requested) {
        List<Pair> out = new ArrayList<>();
        for (PeriodWindow w : requested) {
            var ly = w.period.sameLastYear();
            LocalDate lyAsOf = min(w.asOf.minusYears(1), ly.end());
            out.add(new Pair(w, Rankings.PREVIOUS_YEAR, new PeriodWindow(ly, lyAsOf)));
            var pre = w.period.preceding();
            // A year to 29 October is compared with the previous year to 29 October (not day 302, which a
            // leap year would move); shorter periods keep the same number of days from their start.
            LocalDate preAsOf = w.period.kind() == vn.reformindex.period.Period.Kind.YEAR ? lyAsOf
                    : min(pre.start().plusDays(ChronoUnit.DAYS.between(w.start(), w.asOf)), pre.end());
            out.add(new Pair(w, Rankings.PRECEDING, new PeriodWindow(pre, preAsOf)));
        }
        return out;
    }

    /** The distinct comparison windows, by key. */
    public static Map<String, PeriodWindow> windows(List<Pair> pairs) {
        Map<String, PeriodWindow> m = new LinkedHashMap<>();
        pairs.forEach(p -> m.putIfAbsent(p.key(), p.compared()));
        return m;
    }

    public static final StructType REORGANISED = new StructType()
            .add("unit_code", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("basis", DataTypes.StringType, false)
            .add("reorganised", DataTypes.BooleanType, false);

    /**
     * Units whose comparison involves a reorganisation between the start of the comparison window and the
     * end of the requested one: the unit began or ended in between, or a unit merged into it was valid then.
     * Until predecessors' counts are re-aggregated onto successors, such changes are left empty.
     */
    public static Dataset<Row> reorganised(SparkSession spark, UnitRegistry registry, List<Pair> pairs) {
        List<Row> rows = new ArrayList<>();
        for (Pair p : pairs) {
            LocalDate from = p.compared().start();
            LocalDate to = p.requested().end();
            for (Unit u : registry.all()) {
                boolean changed = (u.validFrom != null && u.validFrom.isAfter(from) && !u.validFrom.isAfter(to))
                        || (u.validTo != null && !u.validTo.isBefore(from) && u.validTo.isBefore(to));
                if (!changed) {
                    for (Unit pred : registry.all()) {
                        if (pred.successorCodes.contains(u.code) && pred.validDuring(from, to)) {
                            changed = true;
                            break;
                        }
                    }
                }
                if (changed) {
                    rows.add(RowFactory.create(u.code, p.requested().label(), p.basis(), true));
                }
            }
        }
        return spark.createDataFrame(rows, REORGANISED);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
