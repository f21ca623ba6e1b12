package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.criteria.ScoreStatus;
import vn.reformindex.criteria.ScoringRule;
import vn.reformindex.report.Report;
import vn.reformindex.spark.Names;
import vn.reformindex.table.Tables;
import vn.reformindex.table.Types;

/**
 * A unit's scorecard (phiếu điểm) per period: every criterion of the set with its counts, ratio, target,
 * points, points lost and why it has none, its rank among the unit's peers on that criterion, the group's
 * subtotal against the group's maxima, and the unit's total with how it was rescaled (docs/criteria.md,
 * Scorecards and findings). Built from the written {@code scores}, {@code group_scores} and
 * {@code index_scores} of one criteria set; no I/O.
 */
public final class Scorecards {
    public static final String NO_DENOMINATOR = "no_denominator";
    public static final String BELOW_MIN_DENOMINATOR = "below_min_denominator";
    public static final String FLAG_UNKNOWN = "flag_unknown";
    public static final String MULTIPLIER_NOT_SCORED = "multiplier_not_scored";
    public static final String MISSING_MANUAL_SCORE = "missing_manual_score";
    public static final String NOT_APPLICABLE_LEVEL = "not_applicable_level";

    /** Two exact operands whose difference keeps scale 10 (38-digit operands would lose a digit of scale). */
    private static final DecimalType OPERAND = DataTypes.createDecimalType(37, Types.SCALE);

    private static final StructType CRITERIA = new StructType()
            .add("criterion_code", DataTypes.StringType, false)
            .add("criterion_order", DataTypes.IntegerType, false)
            .add("group_name", DataTypes.StringType, false)
            .add("scoring_rule", DataTypes.StringType, false)
            .add("target", Types.EXACT, true)
            .add("min_denominator", Types.EXACT, false)
            .add("times_code", DataTypes.StringType, true);

    private Scorecards() {
    }

    /**
     * The scorecards of the units and periods in {@code scores} (rows of one set), with {@code group_scores}
     * and {@code index_scores} of the same set.
     */
    public static Dataset<Row> of(CriteriaSet set, Dataset<Row> scores, Dataset<Row> groups, Dataset<Row> index) {
        boolean zero = set.missingRule == CriteriaSet.MissingRule.ZERO;
        Dataset<Row> criteria = scores.sparkSession().createDataFrame(criteriaRows(set), CRITERIA);
        // Only the criteria another one multiplies by can match: without this filter the join carried every score
        // row (a 72 MiB broadcast at national size, BENCHMARKS.md round 8).
        List<String> timesCodes = new ArrayList<>();
        set.criteria.forEach(c -> {
            if (c.times != null) {
                timesCodes.add(c.times);
            }
        });
        Dataset<Row> multipliers = scores.filter(col("criterion_code").isin(timesCodes.toArray()))
                .select(col("unit_code"), col("period"), col("criterion_code").as("times_code"), col("status").as("times_status"));
        Column has = col("points").isNotNull();
        Column insufficient = col("status").equalTo(ScoreStatus.INSUFFICIENT);
        Column reason = when(has, lit(null).cast(DataTypes.StringType))
                .when(col("status").equalTo(ScoreStatus.NOT_APPLICABLE), lit(NOT_APPLICABLE_LEVEL))
                .when(col("status").equalTo(ScoreStatus.MISSING), lit(MISSING_MANUAL_SCORE))
                .when(insufficient.and(coalesce(col("denominator"), lit(BigDecimal.ZERO)).leq(0)), lit(NO_DENOMINATOR))
                .when(insufficient.and(col("denominator").lt(col("min_denominator"))), lit(BELOW_MIN_DENOMINATOR))
                .when(insufficient.and(col("times_code").isNotNull())
                        .and(coalesce(col("times_status"), lit("")).notEqual(ScoreStatus.SCORED)), lit(MULTIPLIER_NOT_SCORED))
                .when(insufficient, lit(FLAG_UNKNOWN));
        Column withoutPoints = col("status").isin(ScoreStatus.INSUFFICIENT, ScoreStatus.MISSING).and(col("points").isNull());
        Column lost = when(has, minus(col("max_points"), col("points")))
                .when(withoutPoints.and(lit(zero)), col("max_points"));

        Column eligible = col("peer_group").isNotNull().and(has).and(col("max_points").gt(0));
        WindowSpec peers = Window.partitionBy("period", "peer_group", "criterion_code", "rank_eligible");
        WindowSpec group = Window.partitionBy("unit_code", "period", "group_code");

        Dataset<Row> g = groups.select(col("unit_code"), col("period"), col("group_code"), col("points").as("group_points"),
                col("available_max").as("group_available_max"), col("max_points").as("group_max_points"));
        // The rescale factor and the note depend on the unit's total alone: computed per unit, not per criterion.
        Dataset<Row> totals = index.select(col("unit_code"), col("period"), col("unit_name"), col("points").as("total_points"),
                        col("available_max"), col("declared_total"), col("total"), col("published_total"), col("tier"),
                        col("status").as("index_status"))
                .withColumn("rescale_factor", factor(set).apply(col("available_max"), col("total")))
                .withColumn("total_note", note(set).apply(struct(col("index_status"), col("total_points"), col("available_max"),
                        col("declared_total"), col("published_total"))));

        Dataset<Row> card = scores.drop("criterion_key")
                .join(criteria, "criterion_code")
                .join(multipliers, Names.seq("unit_code", "period", "times_code"), "left")
                .withColumn("no_points_reason", reason)
                .withColumn("points_lost", lost.cast(Types.EXACT))
                .withColumn("rank_eligible", eligible)
                .withColumn("criterion_rank", when(col("rank_eligible"),
                        rank().over(peers.orderBy(round(col("points"), 2).desc()))))
                .withColumn("criterion_ranked_units", when(col("rank_eligible"), count(lit(1)).over(peers)))
                .join(g, Names.seq("unit_code", "period", "group_code"), "left")
                .withColumn("group_points_lost", sum(col("points_lost")).over(group).cast(Types.EXACT))
                .join(totals, Names.seq("unit_code", "period"), "left");
        List<Column> out = new ArrayList<>();
        Tables.SCORECARDS.columnNames().forEach(c -> out.add(col(c)));
        return card.select(out.toArray(new Column[0]));
    }

    /**
     * The units and periods whose scorecard does not add up (none, when all is well): the points do not sum
     * to {@code total_points}, or points plus points lost do not sum to {@code available_max} (rescale) or
     * to the applicable maximum (zero).
     */
    public static Dataset<Row> unbalanced(CriteriaSet set, Dataset<Row> scorecards) {
        boolean zero = set.missingRule == CriteriaSet.MissingRule.ZERO;
        Column scale = zero ? sum(when(col("status").notEqual(ScoreStatus.NOT_APPLICABLE), col("max_points")))
                : org.apache.spark.sql.functions.first(col("available_max"));
        return scorecards.groupBy("unit_code", "period")
                .agg(sum(col("points")).as("sum_points"), sum(col("points_lost")).as("sum_lost"),
                        org.apache.spark.sql.functions.first(col("total_points")).as("total_points"), scale.as("scale"))
                .filter(coalesce(col("sum_points"), lit(BigDecimal.ZERO)).notEqual(coalesce(col("total_points"), lit(BigDecimal.ZERO)))
                        .or(coalesce(col("sum_points"), lit(BigDecimal.ZERO)).cast(OPERAND)
                                .plus(coalesce(col("sum_lost"), lit(BigDecimal.ZERO)).cast(OPERAND))
                                .notEqual(coalesce(col("scale"), lit(BigDecimal.ZERO)))));
    }

    /** {@code a - b} for exact figures, at scale 10. */
    static Column minus(Column a, Column b) {
        return a.cast(OPERAND).minus(b.cast(OPERAND)).cast(Types.EXACT);
    }

    private static List<Row> criteriaRows(CriteriaSet set) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < set.criteria.size(); i++) {
            Criterion c = set.criteria.get(i);
            rows.add(RowFactory.create(c.code, i + 1, set.group(c.group).name, c.scoring.kind.name().toLowerCase(Locale.ROOT),
                    c.max.signum() == 0 ? null : target(c), BigDecimal.valueOf(c.minDenominator).setScale(Types.SCALE), c.times));
        }
        return rows;
    }

    /**
     * The ratio from which a criterion earns its full points: the rule's target; {@code best} for a goalpost
     * (lower is better); the {@code from} of the step worth the most (the lowest such); 1 for {@code ratio};
     * null for a manual criterion.
     */
    public static BigDecimal target(Criterion c) {
        ScoringRule r = c.scoring;
        BigDecimal t;
        switch (r.kind) {
            case TARGET:
                t = r.target;
                break;
            case GOALPOST:
                t = r.best;
                break;
            case STEPS:
                ScoringRule.Step best = null;
                for (ScoringRule.Step s : r.steps) {
                    if (best == null || s.points.compareTo(best.points) > 0
                            || (s.points.compareTo(best.points) == 0 && s.from.compareTo(best.from) < 0)) {
                        best = s;
                    }
                }
                t = best == null ? null : best.from;
                break;
            case RATIO:
                t = BigDecimal.ONE;
                break;
            default:
                t = null;
        }
        return t == null ? null : t.setScale(Types.SCALE, RoundingMode.HALF_UP);
    }

    /** declared_total / available_max under rescale (scale 10, half-up), 1 under zero; null without a total. */
    private static UserDefinedFunction factor(CriteriaSet set) {
        boolean rescale = set.missingRule == CriteriaSet.MissingRule.RESCALE;
        BigDecimal declared = set.total;
        return udf((UDF2<BigDecimal, BigDecimal, BigDecimal>) (available, total) -> {
            if (total == null || available == null || available.signum() == 0) {
                return null;
            }
            return rescale ? declared.divide(available, Types.SCALE, RoundingMode.HALF_UP) : BigDecimal.ONE.setScale(Types.SCALE);
        }, Types.EXACT);
    }

    /** How the total was obtained, in Vietnamese (the struct: index status, points, available max, declared, published). */
    private static UserDefinedFunction note(CriteriaSet set) {
        boolean rescale = set.missingRule == CriteriaSet.MissingRule.RESCALE;
        return udf((UDF1<Row, String>) r -> totalNote(rescale, r.getString(0), r.getDecimal(1), r.getDecimal(2),
                r.getDecimal(3), r.getDecimal(4)), DataTypes.StringType);
    }

    /** The note on the total, e.g. {@code Tổng điểm quy đổi về thang 100 trên 74 điểm có dữ liệu: 44,37 × 100 / 74 = 59,96}. */
    static String totalNote(boolean rescale, String status, BigDecimal points, BigDecimal available, BigDecimal declared,
                            BigDecimal published) {
        if (ScoreStatus.NOT_APPLICABLE.equals(status)) {
            return "Bộ chỉ số không áp dụng đối với cấp đơn vị này";
        }
        if (published == null) {
            return "Chưa có tổng điểm: không tiêu chí nào có điểm";
        }
        String scale = VietnameseNumbers.plain(declared);
        String got = VietnameseNumbers.twoDecimals(points == null ? BigDecimal.ZERO : points);
        String shown = VietnameseNumbers.twoDecimals(published);
        if (!rescale) {
            return "Tổng điểm là điểm đạt, không quy đổi (tiêu chí chưa có điểm tính 0 điểm): " + shown + "/" + scale;
        }
        if (available.compareTo(declared) == 0) {
            return "Tổng điểm trên thang " + scale + ", tất cả tiêu chí áp dụng đều có điểm: " + shown;
        }
        String base = VietnameseNumbers.plain(available);
        return "Tổng điểm quy đổi về thang " + scale + " trên " + base + " điểm có dữ liệu: " + got + " × " + scale + " / "
                + base + " = " + shown;
    }

    /**
     * reports/scorecards(.vi).csv: the scorecards of the units the set applies to, by period, peer group, unit
     * and the set's order of criteria.
     */
    public static Report report(CriteriaSet set) {
        List<String> cols = List.of("period", "as_of", "peer_group", "unit_code", "unit_name", "criterion_order", "group_code",
                "group_name", "criterion_code", "criterion_name", "numerator", "denominator", "ratio", "target", "points",
                "max_points", "points_lost", "status", "no_points_reason", "finding", "criterion_rank", "criterion_ranked_units",
                "group_points", "group_available_max", "group_max_points", "group_points_lost", "total_points", "available_max",
                "declared_total", "rescale_factor", "total", "published_total", "tier", "total_note", "criteria_set_id",
                "criteria_set_version");
        return Report.of("scorecards.csv", Tables.SCORECARDS, cols, t -> t
                .filter(col("criteria_set_hash").equalTo(set.contentHash)
                        .and(col("index_status").notEqual(ScoreStatus.NOT_APPLICABLE)))
                .orderBy(col("period_start"), col("period_end"), col("peer_group"), col("unit_code"), col("criterion_order")),
                true);
    }
}
