package vn.reformindex.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.criteria.ScoringRule;

/**
 * The scores table: for each unit and period of the wide aggregate, one row per criterion of the set with
 * numerator, denominator, ratio, points and max as exact decimals (scale 10, half-up) and a status:
 * {@code scored}, {@code insufficient_data}, {@code not_applicable}, {@code manual} or {@code missing}.
 */
public final class ScoreRows implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    public static final String TABLE = "scores";

    public static final String SCORED = "scored";
    public static final String INSUFFICIENT = "insufficient_data";
    public static final String NOT_APPLICABLE = "not_applicable";
    public static final String MANUAL = "manual";
    public static final String MISSING = "missing";

    static final DataType DEC = DataTypes.createDecimalType(38, 10);
    public static final StructType SCHEMA = new StructType()
            .add("criteria_set_id", DataTypes.StringType, false)
            .add("criteria_set_version", DataTypes.StringType, false)
            .add("criteria_set_hash", DataTypes.StringType, false)
            .add("unit_code", DataTypes.StringType, false)
            .add("unit_level", DataTypes.StringType, true)
            .add("peer_group", DataTypes.StringType, true)
            .add("period", DataTypes.StringType, false)
            .add("period_start", DataTypes.DateType, false)
            .add("period_end", DataTypes.DateType, false)
            .add("as_of", DataTypes.DateType, false)
            .add("group_code", DataTypes.StringType, false)
            .add("criterion_code", DataTypes.StringType, false)
            .add("criterion_key", DataTypes.StringType, true)
            .add("criterion_name", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("numerator", DEC, true)
            .add("denominator", DEC, true)
            .add("ratio", DEC, true)
            .add("points", DEC, true)
            .add("max_points", DEC, false)
            .add("status", DataTypes.StringType, false)
            .add("finding", DataTypes.BooleanType, false)
            .add("evidence", DataTypes.StringType, true);

    private final CriteriaSet set;

    public ScoreRows(CriteriaSet set) {
        this.set = set;
    }

    public static Dataset<Row> score(CriteriaSet set, Dataset<Row> wide) {
        return wide.flatMap(new ScoreRows(set), Encoders.row(SCHEMA));
    }

    @Override
    public Iterator<Row> call(Row w) {
        String level = w.getAs("unit_level");
        int n = set.criteria.size();
        BigDecimal[] ratios = new BigDecimal[n];
        String[] statuses = new String[n];
        BigDecimal[] nums = new BigDecimal[n];
        BigDecimal[] dens = new BigDecimal[n];
        // First the plain ratios, then the multiplied ones (3.3 x 1.4), then points.
        for (int i = 0; i < n; i++) {
            Criterion c = set.criteria.get(i);
            if (level == null || !c.appliesTo(level)) {
                statuses[i] = NOT_APPLICABLE;
            } else if (c.source == Criterion.Source.MANUAL) {
                statuses[i] = MANUAL;
            } else {
                nums[i] = orZero(get(w, "n_" + i));
                dens[i] = orZero(get(w, "d_" + i));
                BigDecimal known = c.known == null ? null : orZero(get(w, "k_" + i));
                if ((known != null && known.signum() == 0) || dens[i].signum() == 0
                        || dens[i].compareTo(BigDecimal.valueOf(c.minDenominator)) < 0) {
                    statuses[i] = INSUFFICIENT;
                } else {
                    statuses[i] = SCORED;
                    ratios[i] = nums[i].divide(dens[i], ScoringRule.SCALE, RoundingMode.HALF_UP);
                }
            }
        }
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Criterion c = set.criteria.get(i);
            BigDecimal ratio = ratios[i];
            String status = statuses[i];
            if (c.times != null && status.equals(SCORED)) {
                int j = index(c.times);
                if (!statuses[j].equals(SCORED)) {
                    status = INSUFFICIENT;
                    ratio = null;
                } else {
                    ratio = ratio.multiply(ratios[j]).setScale(ScoringRule.SCALE, RoundingMode.HALF_UP);
                }
            }
            BigDecimal points = null;
            String evidence = null;
            if (status.equals(SCORED)) {
                points = c.scoring.points(ratio, c.max);
            } else if (status.equals(MANUAL)) {
                BigDecimal mp = get(w, "mp_" + i);
                BigDecimal mr = get(w, "mr_" + i);
                evidence = w.getAs("me_" + i);
                if (mp != null) {
                    points = mp.setScale(ScoringRule.SCALE, RoundingMode.HALF_UP);
                } else if (mr != null) {
                    ratio = mr.setScale(ScoringRule.SCALE, RoundingMode.HALF_UP);
                    points = mr.multiply(c.max).setScale(ScoringRule.SCALE, RoundingMode.HALF_UP);
                } else {
                    status = MISSING;
                }
            }
            boolean finding = ratio != null && ((c.findingBelow != null && ratio.compareTo(c.findingBelow) < 0)
                    || (c.findingAbove != null && ratio.compareTo(c.findingAbove) > 0));
            out.add(RowFactory.create(set.id, set.version, set.contentHash, w.getAs("unit_code"), level,
                    w.getAs("peer_group"), w.getAs("period"), w.getAs("period_start"), w.getAs("period_end"),
                    w.getAs("as_of"), c.group, c.code, c.key, c.name, c.source.name().toLowerCase(java.util.Locale.ROOT),
                    scale(nums[i]), scale(dens[i]), ratio, points, scale(c.max), status, finding, evidence));
        }
        return out.iterator();
    }

    private int index(String code) {
        for (int i = 0; i < set.criteria.size(); i++) {
            if (set.criteria.get(i).code.equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException(code);
    }

    private static BigDecimal get(Row w, String column) {
        int i;
        try {
            i = w.fieldIndex(column);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return w.isNullAt(i) ? null : w.getDecimal(i);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? null : v.setScale(ScoringRule.SCALE, RoundingMode.HALF_UP);
    }
}
