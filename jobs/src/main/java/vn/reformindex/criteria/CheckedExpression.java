package vn.reformindex.criteria;

import java.io.Serializable;
import java.util.Set;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.classic.ExpressionUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import vn.reformindex.core.PipelineException;
import vn.reformindex.table.Types;

/**
 * A criterion's numerator, denominator or known-count, parsed once and checked on its tree by
 * {@link ExpressionCheck}. The score stage runs {@link #column()}, built from that very tree: the text is never
 * parsed again, so what runs is exactly what was checked.
 */
public final class CheckedExpression implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The text as written in the set (for people and messages; never run). */
    public final String text;
    /** {@code numerator}, {@code denominator} or {@code known}. */
    public final String field;
    private final String setSource;
    private final String criterion;
    private final Set<String> columns;
    /** The checked Catalyst tree: lives on the driver only (executors receive the planned job, not this). */
    private final transient Expression tree;

    CheckedExpression(String text, String field, String setSource, String criterion, Set<String> columns, Expression tree) {
        this.text = text;
        this.field = field;
        this.setSource = setSource;
        this.criterion = criterion;
        this.columns = Set.copyOf(columns);
        this.tree = tree;
    }

    /** The facts the expression reads (lower case). */
    public Set<String> columns() {
        return columns;
    }

    /**
     * The checked tree as an (unresolved) Spark column; the session resolves its allow-listed functions and
     * facts when the column is used. No text is parsed here.
     */
    public Column column() {
        if (tree == null) {
            throw new IllegalStateException("the tree of a criteria expression is only available on the driver");
        }
        return ExpressionUtils.column(tree);
    }

    /**
     * The checked tree as an exact decimal column ({@link Types#EXACT}) over {@code facts}. It is first resolved
     * alone against the facts (analysis only, no job): an expression Spark cannot resolve (a type error), one
     * that does not give a number, or one that converts text to another type is refused with exit code 5.
     */
    public Column exact(Dataset<Row> facts) {
        Column column = column();
        Dataset<Row> probe;
        try {
            probe = facts.agg(column);
        } catch (Exception ex) { // AnalysisException is a checked exception to javac
            if (ex instanceof AnalysisException) {
                throw refused("cannot be computed: " + ExpressionCheck.firstLine(ex.getMessage()));
            }
            if (ex instanceof RuntimeException) {
                throw (RuntimeException) ex;
            }
            throw new IllegalStateException(ex);
        }
        DataType type = probe.schema().fields()[0].dataType();
        if (!(type instanceof NumericType)) {
            throw refused("gives " + type.simpleString() + ", not a number");
        }
        String p = ExpressionCheck.resolvedProblem(probe.queryExecution().analyzed());
        if (p != null) {
            throw refused(p);
        }
        return column.cast(Types.EXACT);
    }

    /** The checked tree itself (tests). */
    Expression tree() {
        return tree;
    }

    /** A refusal of this expression found later (e.g. when the score stage resolves it): exit code 5. */
    public PipelineException refused(String problem) {
        return CriteriaSetLoader.error(setSource, "criterion " + criterion, field + " " + problem);
    }

    @Override
    public String toString() {
        return text;
    }
}
