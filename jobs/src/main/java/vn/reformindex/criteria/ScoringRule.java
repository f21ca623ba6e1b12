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
    public static final int SCALE = 10;

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

    /** Points for a ratio, out of {@code max}; null for a null ratio. */
    public BigDecimal points(BigDecimal ratio, BigDecimal max) {
        if (ratio == null) {
            return null;
        }
        BigDecimal p;
        switch (kind) {
            case RATIO:
                p = clamp01(ratio).multiply(max);
                break;
            case TARGET:
                p = ratio.compareTo(target) >= 0 ? max : clamp01(ratio).multiply(max).divide(target, SCALE, RoundingMode.HALF_UP);
                break;
            case GOALPOST:
                if (ratio.compareTo(best) <= 0) {
                    p = max;
                } else if (ratio.compareTo(worst) >= 0) {
                    p = BigDecimal.ZERO;
                } else {
                    p = max.multiply(worst.subtract(ratio)).divide(worst.subtract(best), SCALE, RoundingMode.HALF_UP);
                }
                break;
            case STEPS:
                p = BigDecimal.ZERO;
                for (Step s : steps) {
                    if (ratio.compareTo(s.from) >= 0 && s.points.compareTo(p) > 0) {
                        p = s.points;
                    }
                }
                break;
            default:
                throw new IllegalStateException("manual criteria take their points from manual-scores.csv");
        }
        return p.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal clamp01(BigDecimal r) {
        return r.signum() < 0 ? BigDecimal.ZERO : r.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : r;
    }
}
