package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.period.PeriodWindow;
import vn.reformindex.reference.Unit;
import vn.reformindex.reference.UnitRegistry;
import vn.reformindex.spark.Names;

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
        /**
         * The comparison window's key: its label and as-of date, and the requested window it serves, since
         * which predecessors are re-aggregated onto successors depends on the requested as-of date.
         */
        public String key() {
            return Comparisons.key(compared) + ">" + requested.label();
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

    /**
     * A unit abolished by the requested window's as-of date whose counts in a comparison window are
     * re-aggregated onto its successor there (definitions.md, Comparisons): {@code key} is the comparison
     * window's key, {@code successor} the unit valid at the requested as-of date reached through
     * {@code MaDonViKeThua}.
     */
    public record Fold(String key, String predecessor, String successor) {
    }

    /**
     * The folds of each comparison: every unit that existed in the comparison window, is no longer valid at
     * the requested window's as-of date and has a single successor valid then. A unit abolished without
     * successor keeps its own history (no fold).
     */
    public static List<Fold> folds(UnitRegistry registry, List<Pair> pairs) {
        List<Unit> units = new ArrayList<>(registry.all());
        units.sort(java.util.Comparator.comparing(u -> u.code));
        Map<String, Fold> out = new LinkedHashMap<>();
        for (Pair p : pairs) {
            LocalDate at = p.requested().asOf;
            for (Unit u : units) {
                if (u.successorCodes.isEmpty() || u.validOn(at) || !u.validDuring(p.compared().start(), p.compared().asOf)) {
                    continue;
                }
                String successor = registry.attribute(u.code, at);
                if (successor != null) {
                    out.putIfAbsent(p.key() + "|" + u.code, new Fold(p.key(), u.code, successor));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Period facts with the predecessors' dossiers of each comparison window counted for their successors:
     * the dossier's unit becomes the successor and its ancestors the successor's, so that the successor and
     * the units above it are scored on counts comparable with the requested window (counts, never ratios).
     * Ancestors that were themselves folded are replaced too.
     */
    public static Dataset<Row> reaggregate(Dataset<Row> periodFacts, List<Fold> folds, UnitRegistry registry) {
        if (folds.isEmpty()) {
            return periodFacts;
        }
        // A dossier of a folded unit: one broadcast hash join (a province can fold thousands of communes; a
        // literal map would be searched key by key for every dossier).
        List<Row> rows = new ArrayList<>();
        Map<String, Fold> parents = new java.util.TreeMap<>();
        java.util.Set<String> withChildren = new java.util.HashSet<>();
        registry.all().forEach(u -> {
            if (u.parentCode != null) {
                withChildren.add(u.parentCode);
            }
        });
        for (Fold f : folds) {
            rows.add(RowFactory.create(f.key(), f.predecessor(), f.successor(), registry.ancestors(f.successor())));
            if (withChildren.contains(f.predecessor())) {
                parents.put(f.key() + "|" + f.predecessor(), f);
            }
        }
        Dataset<Row> byUnit = periodFacts.sparkSession().createDataFrame(rows, new StructType()
                .add("period", DataTypes.StringType).add("unit_code", DataTypes.StringType)
                .add("_successor", DataTypes.StringType)
                .add("_successor_ancestors", DataTypes.createArrayType(DataTypes.StringType)));
        List<String> columns = List.of(periodFacts.columns());
        Dataset<Row> out = periodFacts.join(broadcast(byUnit), Names.seq("period", "unit_code"), "left")
                .withColumn("unit_ancestors", when(col("_successor").isNotNull(), col("_successor_ancestors"))
                        .otherwise(col("unit_ancestors")))
                .withColumn("unit_code", coalesce(col("_successor"), col("unit_code")));
        if (!parents.isEmpty()) {
            // A folded unit above others (a merged district): its former children's dossiers count for its
            // successor's subtree. Few such units, so a small literal map.
            List<Column> keys = new ArrayList<>();
            List<Column> successors = new ArrayList<>();
            parents.forEach((k, f) -> {
                keys.add(lit(k));
                successors.add(lit(f.successor()));
            });
            Column foldOf = map_from_arrays(array(keys.toArray(Column[]::new)), array(successors.toArray(Column[]::new)));
            out = out.withColumn("unit_ancestors", transform(col("unit_ancestors"),
                    a -> coalesce(try_element_at(foldOf, concat_ws("|", col("period"), a)), a)));
        }
        return out.select(columns.stream().map(functions::col).toArray(Column[]::new));
    }

    /** The units to score in each window: folded predecessors out, their successors in. */
    public static Dataset<Row> regrid(Dataset<Row> validUnits, List<Fold> folds) {
        if (folds.isEmpty()) {
            return validUnits;
        }
        Dataset<Row> f = foldFrame(validUnits.sparkSession(), folds);
        return validUnits.join(f.select(col("key").as("period"), col("predecessor").as("unit_code")),
                        Names.seq("period", "unit_code"), "left_anti")
                .union(f.select(col("key").as("period"), col("successor").as("unit_code")))
                .distinct();
    }

    public static final StructType FOLD_INFO = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("unit_code", DataTypes.StringType, false)
            .add("reaggregated_from", DataTypes.createArrayType(DataTypes.StringType), true)
            .add("merged_into", DataTypes.StringType, true);

    /**
     * Per comparison key and unit: the predecessors re-aggregated onto a successor ({@code reaggregated_from},
     * sorted), or the successor a predecessor's counts went to ({@code merged_into}).
     */
    public static Dataset<Row> foldInfo(SparkSession spark, List<Fold> folds) {
        Map<String, java.util.TreeSet<String>> from = new java.util.TreeMap<>();
        List<Row> rows = new ArrayList<>();
        for (Fold f : folds) {
            from.computeIfAbsent(f.key() + "|" + f.successor(), k -> new java.util.TreeSet<>()).add(f.predecessor());
            rows.add(RowFactory.create(f.key(), f.predecessor(), null, f.successor()));
        }
        from.forEach((k, preds) -> {
            int bar = k.lastIndexOf('|');
            rows.add(RowFactory.create(k.substring(0, bar), k.substring(bar + 1), new ArrayList<>(preds), null));
        });
        return spark.createDataFrame(rows, FOLD_INFO);
    }

    private static Dataset<Row> foldFrame(SparkSession spark, List<Fold> folds) {
        List<Row> rows = new ArrayList<>();
        folds.forEach(f -> rows.add(RowFactory.create(f.key(), f.predecessor(), f.successor())));
        return spark.createDataFrame(rows, new StructType().add("key", DataTypes.StringType)
                .add("predecessor", DataTypes.StringType).add("successor", DataTypes.StringType));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
