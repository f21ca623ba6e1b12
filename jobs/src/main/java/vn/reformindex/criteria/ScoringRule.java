package vn.reformindex.criteria;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How a criterion's ratio becomes points (exact decimals, scale 10, half-up):
 * {@code ratio} (ratio x max), {@code target} (full points from the target, ratio x max / target below),
 * {@code goalpost} (lower is better: max at or below {@code best}, 0 at or above {@code worst}, linear
 * between), {@code steps} (the points of the highest step whose {@code from} the ratio reaches).
 */
public final class ScoringRule implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int SCALE = vn.reformindex.table.Types.SCALE;

    public enum Kind { RATIO, TARGET, GOALPOST, STEPS, MANUAL }

    /** One step: from this ratio on, these points. */
    public static final class Step implements Serializable {
        private static final long serialVersionUID = 1L;
        public final BigDecimal from;
        public final BigDecimal points;

        public Step(BigDecimal from, BigDecimal points) {
            this.from = from;
            this.points = points;
        }
    }

    public final Kind kind;
    public final BigDecimal target;
    public final BigDecimal best;
    public final BigDecimal worst;
    public final List<Step> steps;

    ScoringRule(Kind kind, BigDecimal target, BigDecimal best, BigDecimal worst, List<Step> steps) {
        this.kind = kind;
        this.target = target;
        this.best = best;
        this.worst = worst;
        this.steps = List.copyOf(steps);
    }

    private static final ScoringRule LINEAR = new ScoringRule(Kind.RATIO, null, null, null, List.of());

    /** The linear rule ({@code ratio}): the alternative to {@code target} in the rank intervals' draws. */
    public static ScoringRule linear() {
        return LINEAR;
    }

    /** Points for a ratio given as a decimal (a manual score's value, a test), out of {@code max}. */
    public BigDecimal points(BigDecimal ratio, BigDecimal max) {
        return ratio == null ? null : points(ratio, BigDecimal.ONE, max);
    }

    /**
     * Points for the exact ratio {@code numerator / denominator} (denominator > 0), out of {@code max}:
     * computed from the counts themselves and rounded once (scale 10, half-up), as definitions.md asks, so
     * a ratio rounded first never moves the points.
     */
    public BigDecimal points(BigDecimal numerator, BigDecimal denominator, BigDecimal max) {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        BigDecimal n = numerator;
        BigDecimal d = denominator;
        switch (kind) {
            case RATIO:
                // clamp(n/d, 0, 1) x max
                return n.signum() <= 0 ? zero() : n.compareTo(d) >= 0 ? round(max) : divide(n.multiply(max), d);
            case TARGET:
                // full points from the target on, else clamp(n/d, 0, 1) x max / target
                if (n.compareTo(target.multiply(d)) >= 0) {
                    return round(max);
                }
                return n.signum() <= 0 ? zero() : divide(n.min(d).multiply(max), d.multiply(target));
            case GOALPOST:
                // lower is better: max at or below best, 0 at or above worst, linear between
                if (n.compareTo(best.multiply(d)) <= 0) {
                    return round(max);
                }
                if (n.compareTo(worst.multiply(d)) >= 0) {
                    return zero();
                }
                return divide(max.multiply(worst.multiply(d).subtract(n)), d.multiply(worst.subtract(best)));
            case STEPS:
                BigDecimal p = BigDecimal.ZERO;
                for (Step s : steps) {
                    if (n.compareTo(s.from.multiply(d)) >= 0 && s.points.compareTo(p) > 0) {
                        p = s.points;
                    }
                }
                return round(p);
            default:
                throw new IllegalStateException("manual criteria take their points from manual-scores.csv");
        }
    }

    /** {@code numerator / denominator} rounded once (scale 10, half-up). */
    public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }

}
