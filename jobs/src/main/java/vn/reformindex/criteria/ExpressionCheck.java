package vn.reformindex.criteria;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Add;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.CaseWhen;
import org.apache.spark.sql.catalyst.expressions.EqualNullSafe;
import org.apache.spark.sql.catalyst.expressions.EqualTo;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GreaterThan;
import org.apache.spark.sql.catalyst.expressions.GreaterThanOrEqual;
import org.apache.spark.sql.catalyst.expressions.In;
import org.apache.spark.sql.catalyst.expressions.IsNotNull;
import org.apache.spark.sql.catalyst.expressions.IsNull;
import org.apache.spark.sql.catalyst.expressions.LessThan;
import org.apache.spark.sql.catalyst.expressions.LessThanOrEqual;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.Multiply;
import org.apache.spark.sql.catalyst.expressions.Not;
import org.apache.spark.sql.catalyst.expressions.Or;
import org.apache.spark.sql.catalyst.expressions.Subtract;
import org.apache.spark.sql.catalyst.expressions.UnaryMinus;
import org.apache.spark.sql.catalyst.expressions.UnaryPositive;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;

/**
 * Checks a criteria-set expression on its parsed Catalyst tree, never on its text, and hands back that
 * tree: the score stage runs the checked tree itself ({@link CheckedExpression#column()}), so nothing is
 * parsed a second time (no variable substitution, no comments, no second reading that differs from the
 * first).
 *
 * <p>The text is refused before parsing when it is empty, longer than {@link #MAX_LENGTH}, holds a control
 * character, {@code ${}, {@code --} or {@code /*}, or nests brackets deeper than {@link #MAX_NESTING} (the
 * parser recurses on nesting). The tree is refused when it is deeper than {@link #MAX_DEPTH} or has more than
 * {@link #MAX_NODES} nodes, or when any node is not on the allow-list: functions only by a plain allow-listed
 * name (never {@code reflect}, {@code java_method}, {@code try_reflect}, whatever the spelling), facts only by
 * a plain known name and inside an aggregate, literals only NULL, true/false, exact numbers within
 * {@link #NUMBER_LIMIT} with at most {@link #MAX_SCALE} decimals, text and DATE; operators only the logical,
 * comparison, {@code IN}, {@code IS [NOT] NULL}, {@code CASE} and {@code + - *} ones. Everything else
 * ({@code IDENTIFIER(...)}, lambdas, subqueries, stars, parameters, windows, casts, divisions, ...) is refused.
 * Runs on the driver before any Spark job.
 */
public final class ExpressionCheck {
    /** Longer expressions are refused before parsing. */
    public static final int MAX_LENGTH = 4000;
    /** Deepest bracket nesting in the text, counted before parsing. */
    public static final int MAX_NESTING = 64;
    /** Deepest parsed tree. */
    public static final int MAX_DEPTH = 64;
    /** Most nodes in a parsed tree. */
    public static final int MAX_NODES = 500;
    /** Largest absolute value of a number, in an expression or anywhere in a set. */
    public static final BigDecimal NUMBER_LIMIT = BigDecimal.valueOf(1_000_000);
    /** Most decimal places of a number, in an expression or anywhere in a set. */
    public static final int MAX_SCALE = 10;

    public static final Set<String> AGGREGATES = Set.of("count_if", "count", "sum", "min", "max", "bool_or", "bool_and");
    public static final Set<String> FUNCTIONS = Set.of("coalesce", "nvl", "ifnull", "nullif", "if", "abs", "greatest",
            "least", "datediff", "date_add", "date_sub", "to_date", "year", "month", "isnull", "isnotnull",
            "working_days", "working_hours");
    /** Never allowed, even if someone adds them to the allow-list: they call any static Java method. */
    static final Set<String> NEVER = Set.of("reflect", "java_method", "try_reflect");

    /** The operator nodes an expression may hold, by exact class (functions, facts and literals are checked apart). */
    private static final Set<Class<?>> OPERATORS = Set.of(And.class, Or.class, Not.class, EqualTo.class,
            EqualNullSafe.class, LessThan.class, LessThanOrEqual.class, GreaterThan.class, GreaterThanOrEqual.class,
            In.class, IsNull.class, IsNotNull.class, CaseWhen.class, Add.class, Subtract.class, Multiply.class,
            UnaryMinus.class, UnaryPositive.class);
    private static final Set<String> DIVISIONS = Set.of("Divide", "IntegralDivide", "Remainder", "Pmod");

    private ExpressionCheck() {
    }

    /** A checked tree, or why the text is refused. */
    static final class Result {
        final Expression tree;
        final String problem;
        final Set<String> columns;

        private Result(Expression tree, String problem, Set<String> columns) {
            this.tree = tree;
            this.problem = problem;
            this.columns = columns;
        }

        static Result refused(String problem) {
            return new Result(null, problem, Set.of());
        }
    }

    /** Why the expression is refused, or null when it is fine. */
    public static String problem(String text, Set<String> columns) {
        return check(text, columns).problem;
    }

    /** Parses once and checks the tree; {@code columns} null accepts any plain column name. */
    static Result check(String text, Set<String> columns) {
        String p = textProblem(text);
        if (p != null) {
            return Result.refused(p);
        }
        Expression e;
        try {
            e = CatalystSqlParser$.MODULE$.parseExpression(text);
        } catch (StackOverflowError ex) {
            return Result.refused("is too complex to parse (nesting too deep)");
        } catch (Exception ex) { // ParseException is an AnalysisException: a checked exception, not a RuntimeException
            return Result.refused("is not a valid expression: " + firstLine(ex.getMessage()));
        }
        p = shapeProblem(e);
        if (p == null) {
            p = walk(e, columns, false);
        }
        if (p == null && !containsAggregate(e)) {
            p = "does not aggregate (use count_if, sum, ...): it must give one value per unit";
        }
        if (p != null) {
            return Result.refused(p);
        }
        Set<String> read = new TreeSet<>();
        collect(e, read);
        return new Result(e, null, java.util.Collections.unmodifiableSet(read));
    }

    /** Checks on the text itself, before the parser sees it. */
    private static String textProblem(String text) {
        if (text == null || text.isBlank()) {
            return "is empty";
        }
        if (text.length() > MAX_LENGTH) {
            return "is " + text.length() + " characters long; at most " + MAX_LENGTH + " are allowed";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == '\u2028' || c == '\u2029') {
                return String.format("contains the control character U+%04X at position %d", (int) c, i + 1);
            }
        }
        if (text.contains("${")) {
            return "contains '${', which is not allowed in a criterion (no variable substitution)";
        }
        if (text.contains("--")) {
            return "contains '--' (an SQL comment), which is not allowed in a criterion";
        }
        if (text.contains("/*")) {
            return "contains '/*' (an SQL comment), which is not allowed in a criterion";
        }
        int depth = nesting(text);
        if (depth > MAX_NESTING) {
            return "nests brackets " + depth + " deep; at most " + MAX_NESTING + " are allowed";
        }
        return null;
    }

    /** The deepest nesting of ( [ { outside quoted text. */
    static int nesting(String text) {
        int depth = 0;
        int max = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        i++;
                    } else {
                        quote = 0;
                    }
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }

    /** Depth and size of the tree, measured without recursion. */
    private static String shapeProblem(Expression root) {
        Deque<Expression> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        int count = 0;
        while (!nodes.isEmpty()) {
            Expression e = nodes.pop();
            int d = depths.pop();
            if (d > MAX_DEPTH) {
                return "is nested more than " + MAX_DEPTH + " levels deep";
            }
            if (++count > MAX_NODES) {
                return "has more than " + MAX_NODES + " parts; at most " + MAX_NODES + " are allowed";
            }
            for (Expression c : children(e)) {
                nodes.push(c);
                depths.push(d + 1);
            }
        }
        return null;
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
        if (e instanceof UnresolvedFunction) {
            UnresolvedFunction f = (UnresolvedFunction) e;
            List<String> parts = scala.jdk.javaapi.CollectionConverters.asJava(f.nameParts());
            String name = String.join(".", parts).toLowerCase(Locale.ROOT);
            String last = parts.isEmpty() ? "" : parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
            if (NEVER.contains(last)) {
                return "calls function '" + name + "', which runs Java code and is never allowed";
            }
            boolean aggregate = parts.size() == 1 && AGGREGATES.contains(name);
            if (parts.size() != 1 || f.isInternal() || !(aggregate || FUNCTIONS.contains(name))) {
                return "calls function '" + name + "', which is not in the allow-list " + new TreeSet<>(allowed());
            }
            if (aggregate && insideAggregate) {
                return "nests aggregate '" + name + "' inside another aggregate";
            }
            if (f.isDistinct() || f.filter().isDefined() || f.orderingWithinGroup().nonEmpty() || f.ignoreNulls()) {
                return "uses DISTINCT, FILTER, WITHIN GROUP or IGNORE NULLS in '" + name + "', which is not allowed";
            }
            for (Expression c : scala.jdk.javaapi.CollectionConverters.asJava(f.arguments())) {
                String p = walk(c, columns, insideAggregate || aggregate);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (e instanceof UnresolvedAttribute) {
            UnresolvedAttribute a = (UnresolvedAttribute) e;
            String name = a.name().toLowerCase(Locale.ROOT);
            if (a.nameParts().size() != 1 || (columns != null && !columns.contains(name))) {
                return "names unknown fact or column '" + name + "'; known: "
                        + (columns == null ? "[]" : new TreeSet<>(columns));
            }
            if (!insideAggregate) {
                return "reads column '" + name + "' outside an aggregate";
            }
            return null;
        }
        if (e instanceof Literal) {
            return literalProblem((Literal) e);
        }
        String cls = e.getClass().getSimpleName();
        if (DIVISIONS.contains(cls)) {
            // Under ANSI mode a division by zero fails the whole job: ratios are made from numerator and
            // denominator by the scorer, which turns a zero denominator into insufficient data.
            return "divides (" + cls + "); write the numerator and the denominator as separate aggregates";
        }
        if (!OPERATORS.contains(e.getClass())) {
            return "uses " + describe(e);
        }
        if (e instanceof Multiply) {
            // Bounded magnitudes: an aggregate times a number (at most NUMBER_LIMIT), never a product of products,
            // so that an exact column cannot overflow on real counts.
            Multiply m = (Multiply) e;
            boolean byNumber = isNumber(m.left()) ? !containsMultiply(m.right()) : isNumber(m.right()) && !containsMultiply(m.left());
            if (!byNumber) {
                return "multiplies two computed values or nests products; multiply by a number, once (e.g. count_if(x) * 1000)";
            }
        }
        for (Expression c : children(e)) {
            String p = walk(c, columns, insideAggregate);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static boolean isNumber(Expression e) {
        if (e instanceof UnaryMinus || e instanceof UnaryPositive) {
            return isNumber(children(e).get(0));
        }
        return e instanceof Literal && !(((Literal) e).dataType() instanceof StringType) && ((Literal) e).value() != null;
    }

    private static boolean containsMultiply(Expression e) {
        if (e instanceof Multiply) {
            return true;
        }
        for (Expression c : children(e)) {
            if (containsMultiply(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks on the tree as Spark resolved it against the facts (types known): refuses an implicit conversion of
     * text to anything else (e.g. {@code status = 'x'} with a numeric status), which under ANSI mode fails the
     * whole job on the first value that does not convert. Null when fine.
     */
    static String resolvedProblem(org.apache.spark.sql.catalyst.plans.logical.LogicalPlan analyzed) {
        Deque<Expression> todo = new ArrayDeque<>(scala.jdk.javaapi.CollectionConverters.asJava(analyzed.expressions()));
        while (!todo.isEmpty()) {
            Expression e = todo.pop();
            if (e instanceof org.apache.spark.sql.catalyst.expressions.Cast) {
                org.apache.spark.sql.catalyst.expressions.Cast c = (org.apache.spark.sql.catalyst.expressions.Cast) e;
                if (c.child().dataType() instanceof StringType && !(c.dataType() instanceof StringType)) {
                    return "converts text to " + c.dataType().simpleString() + " (" + firstLine(c.child().sql())
                            + "), which fails on the first value that does not convert; compare facts with values of their"
                            + " own type (e.g. channel = 2, not channel = '2')";
                }
            }
            todo.addAll(children(e));
        }
        return null;
    }

    /** A user's name for a refused node, with its Catalyst class, and why it is refused. */
    private static String describe(Expression e) {
        String cls = e.getClass().getSimpleName().replace("$", "");
        String refused = ", which is not allowed in a criterion";
        if (cls.equals("ExpressionWithUnresolvedIdentifier")) {
            return "IDENTIFIER(...) (" + cls + ")" + refused + ": name functions and columns directly";
        }
        if (cls.contains("Cast")) {
            return "a cast (" + cls + ")" + refused + ": the score stage converts the result to an exact number itself";
        }
        return label(e, cls) + refused;
    }

    private static String label(Expression e, String cls) {
        if (cls.contains("Lambda")) {
            return "a lambda function (" + cls + ")";
        }
        if (cls.contains("Subquery") || cls.equals("Exists") || cls.equals("ListQuery")) {
            return "a subquery (" + cls + ")";
        }
        if (cls.contains("Star")) {
            return "* (" + cls + ")";
        }
        if (cls.contains("Parameter")) {
            return "a query parameter (" + cls + ")";
        }
        if (cls.contains("Window")) {
            return "a window (" + cls + ")";
        }
        if (cls.contains("ExtractValue")) {
            return "a field or element access such as x[0] or x.y (" + cls + ")";
        }
        return cls;
    }

    private static String literalProblem(Literal l) {
        DataType t = l.dataType();
        Object v = l.value();
        if (t instanceof NullType || t instanceof BooleanType || t instanceof StringType || t instanceof DateType) {
            return null;
        }
        if (t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType
                || t instanceof DecimalType) {
            if (v == null) {
                return null;
            }
            BigDecimal d = v instanceof Decimal ? ((Decimal) v).toJavaBigDecimal() : new BigDecimal(v.toString());
            return numberProblem(d, d.toString());
        }
        return "uses the literal " + firstLine(String.valueOf(l.sql())) + " of type " + t.simpleString()
                + ", which is not allowed in a criterion (only exact numbers, text, DATE '...', true/false and NULL)";
    }

    /** Why a number is refused anywhere in a set (too large, too many decimals), or null. */
    static String numberProblem(BigDecimal d, String shown) {
        if (d.abs().compareTo(NUMBER_LIMIT) > 0) {
            return "uses the number " + shown + ", outside [-" + NUMBER_LIMIT + ", " + NUMBER_LIMIT + "]";
        }
        if (d.stripTrailingZeros().scale() > MAX_SCALE) {
            return "uses the number " + shown + ", which has more than " + MAX_SCALE + " decimal places";
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

    /** The first non-blank line of a message, at most 300 characters. */
    static String firstLine(String message) {
        String m = String.valueOf(message).lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("(no message)");
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    private static Set<String> allowed() {
        Set<String> all = new java.util.HashSet<>(AGGREGATES);
        all.addAll(FUNCTIONS);
        return all;
    }
}
