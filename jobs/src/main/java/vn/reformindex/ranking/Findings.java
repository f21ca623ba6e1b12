package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.criteria.FindingTemplate;
import vn.reformindex.report.Report;
import vn.reformindex.table.ColumnDecl;
import vn.reformindex.table.Tables;

/**
 * The findings of each unit and period, as an inspection report writes them: from the scorecards, the
 * criteria where the unit lost the most points (at most the set's {@code findings_per_unit}), each with the
 * criterion's {@code finding_text} filled in with the figures of the row, formatted the Vietnamese way
 * (docs/criteria.md, Findings). No I/O.
 */
public final class Findings {
    /** The row fields the sentence is built from, in this order. */
    private static final String[] FIELDS = {"criterion_code", "criterion_name", "numerator", "denominator", "ratio", "target",
            "points", "max_points", "points_lost", "no_points_reason"};

    private Findings() {
    }

    /** The findings table from the scorecards table (rows of one set). */
    public static Dataset<Row> of(CriteriaSet set, Dataset<Row> scorecards) {
        Column[] fields = new Column[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            fields[i] = col(FIELDS[i]);
        }
        Dataset<Row> top = scorecards.filter(col("points_lost").gt(0))
                .withColumn("finding_rank", row_number().over(Window.partitionBy("unit_code", "period")
                        .orderBy(col("points_lost").desc(), col("criterion_order").asc())))
                .filter(col("finding_rank").leq(set.findings.perUnit))
                .withColumn("finding_text", sentence(set).apply(struct(fields)));
        List<Column> out = new ArrayList<>();
        Tables.FINDINGS.columnNames().forEach(c -> out.add(col(c)));
        return top.select(out.toArray(new Column[0]));
    }

    private static UserDefinedFunction sentence(CriteriaSet set) {
        return udf((UDF1<Row, String>) r -> sentence(set, r.getString(0), r.getString(1), r.getDecimal(2), r.getDecimal(3),
                r.getDecimal(4), r.getDecimal(5), r.getDecimal(6), r.getDecimal(7), r.getDecimal(8), r.getString(9)),
                DataTypes.StringType);
    }

    /**
     * One finding: the criterion's sentence with its placeholders filled in; when the set gives none, or the
     * sentence needs a figure the row lacks, the standard one ({@code <name>: đạt 2,75/6 điểm}, or for a
     * criterion without points {@code <name>: chưa có điểm (<reason>), tính 0/6 điểm}).
     */
    static String sentence(CriteriaSet set, String code, String name, BigDecimal numerator, BigDecimal denominator,
                           BigDecimal ratio, BigDecimal target, BigDecimal points, BigDecimal max, BigDecimal lost,
                           String reason) {
        Criterion c = set.criterion(code);
        Map<String, String> v = new HashMap<>();
        v.put("name", name);
        v.put("code", code);
        boolean manual = c != null && c.source == Criterion.Source.MANUAL;
        if (!manual) {
            v.put("numerator", VietnameseNumbers.count(numerator));
            v.put("denominator", VietnameseNumbers.count(denominator));
            v.put("gap", numerator == null || denominator == null ? null : VietnameseNumbers.count(denominator.subtract(numerator)));
            v.put("target_pct", VietnameseNumbers.shortPercent(target));
        }
        v.put("ratio", VietnameseNumbers.twoDecimals(ratio));
        v.put("ratio_pct", VietnameseNumbers.percent(ratio));
        BigDecimal threshold = c == null ? null : c.findingBelow != null ? c.findingBelow : c.findingAbove;
        v.put("threshold_pct", VietnameseNumbers.shortPercent(threshold));
        v.put("points", VietnameseNumbers.twoDecimals(points));
        v.put("max_points", VietnameseNumbers.plain(max));
        v.put("points_lost", VietnameseNumbers.twoDecimals(lost));
        if (points != null) {
            FindingTemplate t = set.findings.text(code);
            String s = t == null ? null : t.render(v);
            return s != null ? s : name + ": đạt " + v.get("points") + "/" + v.get("max_points") + " điểm";
        }
        ColumnDecl reasons = Tables.SCORECARDS.column("no_points_reason");
        String why = reason == null ? "chưa có điểm" : reasons.vietnameseValue(reason);
        return name + ": chưa có điểm (" + lowerFirst(why) + "), tính 0/" + v.get("max_points") + " điểm";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** reports/findings(.vi).csv: the findings by period, peer group, unit and rank. */
    public static Report report(CriteriaSet set) {
        List<String> cols = List.of("period", "as_of", "peer_group", "unit_code", "unit_name", "finding_rank", "group_code",
                "criterion_code", "criterion_name", "finding_text", "numerator", "denominator", "ratio", "target", "points",
                "max_points", "points_lost", "no_points_reason", "criterion_rank", "criterion_ranked_units", "criteria_set_id",
                "criteria_set_version");
        return Report.of("findings.csv", Tables.FINDINGS, cols, t -> t
                .filter(col("criteria_set_hash").equalTo(set.contentHash))
                .orderBy(col("period_start"), col("period_end"), col("peer_group"), col("unit_code"), col("finding_rank")),
                true);
    }
}
