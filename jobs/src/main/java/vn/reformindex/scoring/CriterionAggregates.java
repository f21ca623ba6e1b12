package vn.reformindex.scoring;

import vn.reformindex.spark.Names;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;

/**
 * One row per unit and period with every criterion's numerator, denominator and known-count (columns
 * {@code n_i, d_i, k_i} for the i-th criterion of the set) and its manual score ({@code mp_i, mr_i, me_i}):
 * one aggregation over the period facts for all dossier criteria and the catalogue's counts
 * ({@link FactAggregation}, subtrees rolled up from it), one over the procedure facts for all catalogue criteria. The expressions are the set's trees as the loader checked them
 * ({@link vn.reformindex.criteria.CheckedExpression#exact}): no expression text is parsed here. Each is resolved
 * against its facts first, so a type error stops the run with exit code 5 naming the criterion, not with
 * Spark's stack trace.
 */
public final class CriterionAggregates {
    private CriterionAggregates() {
    }

    /** The wide frame's column holding the i-th criterion's numerator. */
    static String numerator(int i) { return "n_" + i; }
    static String denominator(int i) { return "d_" + i; }
    static String known(int i) { return "k_" + i; }
    static String manualPoints(int i) { return "mp_" + i; }
    static String manualRatio(int i) { return "mr_" + i; }
    static String manualEvidence(int i) { return "me_" + i; }

    /**
     * @param grid        unit_code, unit_level, period (+ any other columns, kept): the units to score
     * @param periodFacts period facts of all windows
     * @param catalogue   {@link vn.reformindex.reference.ReferenceTables#procedures}
     * @param manual      {@link ManualScores#matched}
     */
    public static Dataset<Row> wide(CriteriaSet set, Dataset<Row> grid, Dataset<Row> periodFacts, Dataset<Row> catalogue,
                                    Dataset<Row> manual) {
        return wide(set, grid, FactAggregation.of(set, periodFacts), catalogue, manual);
    }

    /** {@link #wide} from the facts' one aggregation (which a stage may have persisted). */
    public static Dataset<Row> wide(CriteriaSet set, Dataset<Row> grid, FactAggregation facts, Dataset<Row> catalogue,
                                    Dataset<Row> manual) {
        Dataset<Row> out = grid;
        Dataset<Row> procedures = null;
        List<Column> catalogueAggs = new ArrayList<>();
        List<Column> manualAggs = new ArrayList<>();
        for (int i = 0; i < set.criteria.size(); i++) {
            Criterion c = set.criteria.get(i);
            if (c.source == Criterion.Source.CATALOGUE) {
                if (procedures == null) {
                    procedures = procedureFacts(set, grid, facts, catalogue);
                }
                catalogueAggs.add(c.numeratorExpression.exact(procedures).as(numerator(i)));
                catalogueAggs.add(c.denominatorExpression.exact(procedures).as(denominator(i)));
                if (c.knownExpression != null) {
                    catalogueAggs.add(c.knownExpression.exact(procedures).as(known(i)));
                }
            } else if (c.source != Criterion.Source.DOSSIERS) {
                manualAggs.add(max(when(col("criterion_code").equalTo(c.code), col("manual_points"))).as(manualPoints(i)));
                manualAggs.add(max(when(col("criterion_code").equalTo(c.code), col("manual_ratio"))).as(manualRatio(i)));
                manualAggs.add(max(when(col("criterion_code").equalTo(c.code), col("evidence"))).as(manualEvidence(i)));
            }
        }
        Dataset<Row> dossierValues = facts.dossierValues();
        if (dossierValues != null) {
            out = out.join(dossierValues, Names.seq("unit_code", "period"), "left");
        }
        if (!catalogueAggs.isEmpty()) {
            out = out.join(agg(procedures.groupBy("unit_code", "period"), catalogueAggs),
                    Names.seq("unit_code", "period"), "left");
        }
        if (!manualAggs.isEmpty()) {
            out = out.join(agg(manual.groupBy("unit_code", "period"), manualAggs), Names.seq("unit_code", "period"), "left");
        }
        return out;
    }

    /**
     * One row per unit, period and catalogue procedure at the unit's level (CapThucHien mapped from
     * CapDonVi by the set), with the unit's dossier counts for that procedure in the period.
     */
    public static Dataset<Row> procedureFacts(CriteriaSet set, Dataset<Row> grid, FactAggregation facts, Dataset<Row> catalogue) {
        SparkSession spark = grid.sparkSession();
        List<Row> levels = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(set.catalogueLevels).entrySet()) {
            levels.add(RowFactory.create(e.getKey(), e.getValue()));
        }
        Dataset<Row> levelMap = spark.createDataFrame(levels, new StructType()
                .add("unit_level", DataTypes.StringType).add("procedure_level", DataTypes.StringType));
        Dataset<Row> counts = facts.procedureCounts();
        Dataset<Row> units = grid.select("unit_code", "unit_level", "period", "period_start", "period_end", "as_of")
                .join(broadcast(levelMap), "unit_level");
        Dataset<Row> procedures = catalogue.select(col("procedure_code"), col("procedure_level"), col("catalogue_online_level"),
                col("procedure_has_fee"), col("requires_document_result"), col("citizen_facing"), col("time_limit"),
                col("time_limit_unit"));
        Dataset<Row> joined = units.join(broadcast(procedures), "procedure_level")
                .join(counts, Names.seq("unit_code", "period", "procedure_code"), "left");
        for (String c : FactAggregation.PROCEDURE_COUNTS.keySet()) {
            joined = joined.withColumn(c, coalesce(col(c), lit(0L)));
        }
        return joined;
    }

    private static Dataset<Row> agg(org.apache.spark.sql.RelationalGroupedDataset g, List<Column> aggs) {
        return g.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    }

}
