package vn.reformindex.scoring;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.criteria.AggregateLeaves;
import vn.reformindex.criteria.CheckedExpression;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.table.Types;

/**
 * The score stage's one pass over the period facts: a small table ({@link #partial()}) of partial aggregates per
 * unit, period, ancestry and (when the set has catalogue criteria) procedure, holding every dossier criterion's
 * aggregate calls ({@link AggregateLeaves}) and the catalogue criteria's dossier counts. Each unit's own values,
 * its subtree's values (its partial values and its descendants', re-aggregated, never re-read from the dossiers)
 * and the counts per procedure are all derived from that table.
 */
public final class FactAggregation {
    /** The catalogue criteria's counts per unit, period and procedure, each the condition it counts. */
    static final Map<String, Column> PROCEDURE_COUNTS = new LinkedHashMap<>();

    static {
        Column received = col("received_in_period");
        PROCEDURE_COUNTS.put("dossiers_received", received);
        PROCEDURE_COUNTS.put("dossiers_received_online", received.and(col("channel").equalTo(2)));
        PROCEDURE_COUNTS.put("dossiers_paid_online", received.and(col("paid_online")));
        PROCEDURE_COUNTS.put("dossiers_vneid_verified", received.and(col("vneid_verified")));
    }

    private final AggregateLeaves leaves = new AggregateLeaves("_leaf_");
    private final Map<String, Column> own = new LinkedHashMap<>();
    private final Map<String, Column> subtree = new LinkedHashMap<>();
    private final boolean byProcedure;
    private final Dataset<Row> partial;

    private FactAggregation(CriteriaSet set, Dataset<Row> periodFacts) {
        boolean catalogue = false;
        for (int i = 0; i < set.criteria.size(); i++) {
            Criterion c = set.criteria.get(i);
            catalogue |= c.source == Criterion.Source.CATALOGUE;
            if (c.source != Criterion.Source.DOSSIERS) {
                continue;
            }
            Map<String, Column> target = c.subtree ? subtree : own;
            target.put(CriterionAggregates.numerator(i), value(c.numeratorExpression, periodFacts));
            target.put(CriterionAggregates.denominator(i), value(c.denominatorExpression, periodFacts));
            if (c.knownExpression != null) {
                target.put(CriterionAggregates.known(i), value(c.knownExpression, periodFacts));
            }
        }
        this.byProcedure = catalogue;
        List<Column> keys = new ArrayList<>(List.of(col("unit_code"), col("period"), col("unit_ancestors")));
        List<Column> aggs = new ArrayList<>(leaves.partials());
        if (catalogue) {
            keys.add(col("procedure_code"));
            PROCEDURE_COUNTS.forEach((name, condition) -> aggs.add(sum(when(condition, 1L).otherwise(0L)).as(name)));
        }
        aggs.add(sum(lit(1L)).as("_rows"));
        this.partial = periodFacts.groupBy(keys.toArray(new Column[0]))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    }

    /** Registers the set's dossier criteria and plans the one aggregation of {@code periodFacts}. */
    public static FactAggregation of(CriteriaSet set, Dataset<Row> periodFacts) {
        return new FactAggregation(set, periodFacts);
    }

    /** The partial aggregates: a stage that uses several of the derived tables persists this one. */
    public Dataset<Row> partial() {
        return partial;
    }

    /** unit_code, period of every unit with at least one period-facts row in the period. */
    public Dataset<Row> unitsWithData() {
        return partial.select("unit_code", "period").distinct();
    }

    /** A dossier criterion's expression over the leaves, checked first against the facts themselves. */
    private Column value(CheckedExpression e, Dataset<Row> periodFacts) {
        e.exact(periodFacts); // refuses a type error with exit code 5 naming the criterion, as when run on the facts
        return leaves.over(e).cast(Types.EXACT);
    }

    /**
     * unit_code, period and every dossier criterion's {@code n_i, d_i, k_i}: subtree criteria over the unit's and its
     * descendants' partial values merged, the others over the unit's own. A unit without dossiers of its own has no
     * own values (null), as it has no row in an aggregation of its own facts; null when there is no dossier criterion.
     */
    public Dataset<Row> dossierValues() {
        if (leaves.size() == 0) {
            return null;
        }
        List<Column> spreadCols = new ArrayList<>();
        spreadCols.add(posexplode(concat(array(col("unit_code")), col("unit_ancestors"))).as(new String[]{"_pos", "_scored_unit"}));
        spreadCols.add(col("period"));
        leaves.names().forEach(n -> spreadCols.add(col(n)));
        Column isOwn = col("_pos").equalTo(0);
        List<Column> merged = new ArrayList<>(leaves.merges());
        merged.add(struct(leaves.merges(isOwn).toArray(new Column[0])).as("_own"));
        merged.add(sum(when(isOwn, 1L)).as("_own_rows"));
        Dataset<Row> rolled = partial.select(spreadCols.toArray(new Column[0]))
                .groupBy(col("_scored_unit").as("unit_code"), col("period"))
                .agg(merged.get(0), merged.subList(1, merged.size()).toArray(new Column[0]));
        // The subtree values over the merged leaves; then the leaves' names are given to the own values.
        List<Column> withSubtree = new ArrayList<>(List.of(col("unit_code"), col("period"), col("_own"), col("_own_rows")));
        List<Column> ownLeaves = new ArrayList<>(List.of(col("unit_code"), col("period"), col("_own.*"), col("_own_rows")));
        List<Column> result = new ArrayList<>(List.of(col("unit_code"), col("period")));
        for (Map.Entry<String, Column> e : subtree.entrySet()) {
            withSubtree.add(e.getValue().as(e.getKey()));
            ownLeaves.add(col(e.getKey()));
            result.add(col(e.getKey()));
        }
        for (Map.Entry<String, Column> e : own.entrySet()) {
            result.add(when(col("_own_rows").isNotNull(), e.getValue()).as(e.getKey()));
        }
        return rolled.select(withSubtree.toArray(new Column[0]))
                .select(ownLeaves.toArray(new Column[0]))
                .select(result.toArray(new Column[0]));
    }

    /** unit_code, period, procedure_code and {@link #PROCEDURE_COUNTS}, for procedures with dossiers; null without catalogue criteria. */
    public Dataset<Row> procedureCounts() {
        if (!byProcedure) {
            return null;
        }
        List<Column> sums = new ArrayList<>();
        PROCEDURE_COUNTS.keySet().forEach(n -> sums.add(sum(col(n)).as(n)));
        return partial.filter(col("procedure_code").isNotNull())
                .groupBy("unit_code", "period", "procedure_code")
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]));
    }
}
