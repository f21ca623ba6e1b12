package vn.reformindex.criteria;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;

/**
 * Checks a criteria-set expression over its parsed tree (never over its text): it must parse as one Spark
 * SQL expression, call only allow-listed functions, name only known columns, hold no subquery, star,
 * lambda or parameter, and aggregate every column it reads. Runs on the driver before any Spark job, so a
 * hostile or mistyped set fails before it touches data.
 */
public final class ExpressionCheck {
    /** Longer expressions are refused before parsing. */
    public static final int MAX_LENGTH = 4000;

    public static final Set<String> AGGREGATES = Set.of("count_if", "count", "sum", "min", "max", "bool_or", "bool_and");
    public static final Set<String> FUNCTIONS = Set.of("coalesce", "nvl", "ifnull", "nullif", "if", "abs", "greatest",
            "least", "datediff", "date_add", "date_sub", "to_date", "year", "month", "isnull", "isnotnull",
            "working_days", "working_hours");

    private ExpressionCheck() {
    }

    /** Why the expression is refused, or null when it is fine. */
    public static String problem(String text, Set<String> columns) {
        if (text == null || text.isBlank()) {
            return "is empty";
        }
        if (text.length() > MAX_LENGTH) {
            return "is " + text.length() + " characters long; at most " + MAX_LENGTH + " are allowed";
        }
        Expression e;
        try {
            e = CatalystSqlParser$.MODULE$.parseExpression(text);
        } catch (RuntimeException ex) {
            String msg = String.valueOf(ex.getMessage());
            return "is not a valid expression: " + msg.lines().findFirst().orElse(msg);
        }
        String p = walk(e, columns, false);
        if (p != null) {
            return p;
        }
        return containsAggregate(e) ? null : "does not aggregate (use count_if, sum, ...): it must give one value per unit";
    }

    /** The column names an expression reads (lower case); call only on an expression that passed the check. */
    public static Set<String> columns(String text) {
        Set<String> out = new java.util.TreeSet<>();
        collect(CatalystSqlParser$.MODULE$.parseExpression(text), out);
        return out;
    }

    private static void collect(Expression e, Set<String> out) {
        if (e instanceof UnresolvedAttribute) {
            out.add(((UnresolvedAttribute) e).name().toLowerCase(Locale.ROOT));
        }
        for (Expression c : children(e)) {
            collect(c, out);
        }
    }

    private static String walk(Expression e, Set<String> columns, boolean insideAggregate) {
        String cls = e.getClass().getSimpleName();
        if (e instanceof UnresolvedFunction) {
            UnresolvedFunction f = (UnresolvedFunction) e;
            List<String> parts = scala.jdk.javaapi.CollectionConverters.asJava(f.nameParts());
            String name = String.join(".", parts).toLowerCase(Locale.ROOT);
            boolean aggregate = AGGREGATES.contains(name);
            if (!aggregate && !FUNCTIONS.contains(name)) {
                return "calls function '" + name + "', which is not in the allow-list " + new java.util.TreeSet<>(allowed());
            }
            if (aggregate && insideAggregate) {
                return "nests aggregate '" + name + "' inside another aggregate";
            }
            if (f.isDistinct() || f.filter().isDefined() || f.orderingWithinGroup().nonEmpty()) {
                return "uses DISTINCT, FILTER or WITHIN GROUP in '" + name + "', which is not allowed";
            }
            for (Expression c : children(e)) {
                String p = walk(c, columns, insideAggregate || aggregate);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (e instanceof UnresolvedAttribute) {
            String name = ((UnresolvedAttribute) e).name().toLowerCase(Locale.ROOT);
            if (!columns.contains(name)) {
                return "names unknown fact or column '" + name + "'; known: " + new java.util.TreeSet<>(columns);
            }
            if (!insideAggregate) {
                return "reads column '" + name + "' outside an aggregate";
            }
            return null;
        }
        if (cls.equals("Divide") || cls.equals("IntegralDivide") || cls.equals("Remainder") || cls.equals("Pmod")) {
            // Under ANSI mode a division by zero fails the whole job: ratios are made from numerator and
            // denominator by the scorer, which turns a zero denominator into insufficient data.
            return "divides (" + cls + "); write the numerator and the denominator as separate aggregates";
        }
        if (cls.contains("Subquery") || cls.equals("Exists") || cls.equals("ListQuery") || cls.contains("Star")
                || cls.contains("Regex") || cls.contains("Lambda") || cls.contains("Parameter")
                || cls.contains("Window") || cls.contains("Variable") || cls.contains("Outer")) {
            return "uses " + cls + ", which is not allowed in a criterion";
        }
        for (Expression c : children(e)) {
            String p = walk(c, columns, insideAggregate);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static boolean containsAggregate(Expression e) {
        if (e instanceof UnresolvedFunction) {
            List<String> parts = scala.jdk.javaapi.CollectionConverters.asJava(((UnresolvedFunction) e).nameParts());
            if (AGGREGATES.contains(String.join(".", parts).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        for (Expression c : children(e)) {
            if (containsAggregate(c)) {
                return true;
            }
        }
        return false;
    }

    private static List<Expression> children(Expression e) {
        return scala.jdk.javaapi.CollectionConverters.asJava(e.children());
    }

    private static Set<String> allowed() {
        java.util.Set<String> all = new java.util.HashSet<>(AGGREGATES);
        all.addAll(FUNCTIONS);
        return all;
    }
}
