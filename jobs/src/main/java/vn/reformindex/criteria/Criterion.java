package vn.reformindex.criteria;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** One criterion of a set: where its figures come from, how its points are computed, where it applies. */
public final class Criterion implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where the numerator and denominator come from. */
    public enum Source { DOSSIERS, CATALOGUE, MANUAL }

    public final String code;
    /** English identifier of the figure in outputs (e.g. online_submission_766); null when not given. */
    public final String key;
    public final String name;
    public final String group;
    public final Source source;
    /** Unit levels (CapDonVi) it applies to; others get status not_applicable. */
    public final Set<String> levels;
    /** Aggregate expressions (Spark SQL) over period facts (dossiers) or procedure facts (catalogue), as written. */
    public final String numerator;
    public final String denominator;
    /** Optional aggregate: when it is 0 the unit has no known value of the flag: insufficient data. */
    public final String known;
    /** The same three, parsed once and checked: what the score stage runs (null for manual criteria / no known). */
    public final CheckedExpression numeratorExpression;
    public final CheckedExpression denominatorExpression;
    public final CheckedExpression knownExpression;
    /** Optional code of another criterion whose ratio multiplies this one's (3.3 x 1.4). */
    public final String times;
    public final BigDecimal max;
    public final ScoringRule scoring;
    /** Below this denominator the criterion is insufficient data for the unit. */
    public final long minDenominator;
    /** Parents scored on their subtree's dossiers rather than their own. */
    public final boolean subtree;
    /** A finding is listed when the ratio is below this value (higher is better); null = none. */
    public final BigDecimal findingBelow;
    /** A finding is listed when the ratio is above this value (lower is better); null = none. */
    public final BigDecimal findingAbove;
    public final List<String> notes;

    Criterion(String code, String key, String name, String group, Source source, Set<String> levels,
              CheckedExpression numerator, CheckedExpression denominator, CheckedExpression known, String times, BigDecimal max, ScoringRule scoring,
              long minDenominator, boolean subtree, BigDecimal findingBelow, BigDecimal findingAbove, List<String> notes) {
        this.code = code;
        this.key = key;
        this.name = name;
        this.group = group;
        this.source = source;
        this.levels = Set.copyOf(levels);
        this.numerator = numerator == null ? null : numerator.text;
        this.denominator = denominator == null ? null : denominator.text;
        this.known = known == null ? null : known.text;
        this.numeratorExpression = numerator;
        this.denominatorExpression = denominator;
        this.knownExpression = known;
        this.times = times;
        this.max = max;
        this.scoring = scoring;
        this.minDenominator = minDenominator;
        this.subtree = subtree;
        this.findingBelow = findingBelow;
        this.findingAbove = findingAbove;
        this.notes = List.copyOf(notes);
    }

    public boolean appliesTo(String level) {
        return levels.contains(level);
    }
}
