package vn.reformindex.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.classic.ExpressionUtils;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Criteria expressions split at their aggregate calls, so that the facts are aggregated once for every
 * criterion and unit, and a parent's subtree is rolled up from its units' partial aggregates instead of
 * counting each dossier again for every ancestor.
 *
 * <p>Each distinct aggregate call of the registered expressions is a <em>leaf</em>: {@link #partials()} computes
 * it per group of facts, {@link #merges()} combines the partial values of several groups (counts and sums add up,
 * minima and maxima take the extreme, {@code bool_and}/{@code bool_or} combine), and {@link #over} gives the
 * expression itself over the leaf columns. Every allowed aggregate is decomposable this way
 * ({@link ExpressionCheck#AGGREGATES}: DISTINCT is refused by the check), so the merged values equal the values
 * the expression would give over all the groups' facts at once.
 */
public final class AggregateLeaves {
    private static final Map<String, String> MERGE = Map.of("count", "sum", "count_if", "sum", "sum", "sum",
            "min", "min", "max", "max", "bool_or", "bool_or", "bool_and", "bool_and");

    private final String prefix;
    private final Map<String, Leaf> leaves = new LinkedHashMap<>();

    private record Leaf(String name, String function, Expression call) {
    }

    /** @param prefix the leaf columns' name prefix (must not clash with the facts' group keys) */
    public AggregateLeaves(String prefix) {
        this.prefix = prefix;
    }

    /** The expression over the leaf columns (registers its aggregate calls as leaves; identical calls share one). */
    public Column over(CheckedExpression e) {
        return ExpressionUtils.column(rewrite(e.tree()));
    }

    /** How many distinct aggregate calls are registered. */
    public int size() {
        return leaves.size();
    }

    /** The leaf columns' names, in registration order. */
    public List<String> names() {
        return leaves.values().stream().map(Leaf::name).toList();
    }

    /** Each leaf's aggregate over the facts of a group, named by the leaf. */
    public List<Column> partials() {
        List<Column> out = new ArrayList<>();
        for (Leaf l : leaves.values()) {
            out.add(ExpressionUtils.column(l.call).as(l.name));
        }
        return out;
    }

    /** Each leaf's combination of partial values, named by the leaf. */
    public List<Column> merges() {
        return mergesOf(value -> value);
    }

    /** The leaves' merge of only the rows where {@code include} holds (null when there is none). */
    public List<Column> merges(Column include) {
        return mergesOf(value -> org.apache.spark.sql.functions.when(include, value));
    }

    private List<Column> mergesOf(java.util.function.UnaryOperator<Column> value) {
        List<Column> out = new ArrayList<>();
        for (Leaf l : leaves.values()) {
            out.add(org.apache.spark.sql.functions.call_function(MERGE.get(l.function),
                    value.apply(org.apache.spark.sql.functions.col(l.name))).as(l.name));
        }
        return out;
    }

    private Expression rewrite(Expression e) {
        if (e instanceof UnresolvedFunction f) {
            List<String> parts = CollectionConverters.asJava(f.nameParts());
            String name = String.join(".", parts).toLowerCase(Locale.ROOT);
            if (MERGE.containsKey(name)) {
                String key = e.toString();
                Leaf leaf = leaves.computeIfAbsent(key, k -> new Leaf(prefix + leaves.size(), name, e));
                return UnresolvedAttribute.quoted(leaf.name);
            }
        }
        List<Expression> children = CollectionConverters.asJava(e.children());
        if (children.isEmpty()) {
            return e;
        }
        List<Expression> rewritten = new ArrayList<>(children.size());
        for (Expression c : children) {
            rewritten.add(rewrite(c));
        }
        return (Expression) e.withNewChildren(CollectionConverters.asScala(rewritten).toSeq());
    }
}
