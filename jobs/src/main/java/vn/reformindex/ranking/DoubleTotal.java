package vn.reformindex.ranking;

import java.io.Serializable;
import java.util.List;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.criteria.ScoringRule;

/**
 * A draw's published total in double arithmetic, returned only when it provably equals the exact decimal
 * total of {@link DrawTotal#total} (the same two decimals), else {@link #UNSURE} and the caller computes it
 * exactly. Exact decimals cost most of the rank intervals' time (13 million unit totals at national size);
 * the doubles give the same published figures because:
 * <ul>
 * <li>every rule is continuous at its branch points (ratio: 0 and 1; target at or below 1: the target;
 * goalpost: best and worst), so a branch taken differently in doubles moves the points by rounding error
 * only; a discontinuous comparison (steps, a target above 1) that is near equality is unsure;</li>
 * <li>the error of the double total is bounded: half a unit of scale 10 for each rounding of the exact path
 * (each criterion's points, the total) plus a relative 1e-12 per figure, far above the few ulps (2^-53
 * each) of the operations;</li>
 * <li>the total is published at two decimals half-up: when the double total lies farther than twice that
 * bound from every half cent, both round to the same cent (the double rounding of the exact path, to scale
 * 10 and then to 2 decimals, included); a negative total or one near a half cent is unsure.</li>
 * </ul>
 * The cent {@code c} is returned as {@code c / 100.0}, the same double as the exact total's
 * {@code BigDecimal.doubleValue()} (both correctly rounded).
 */
final class DoubleTotal implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Not provably equal to the exact total: the caller computes it in decimals. */
    static final double UNSURE = Double.NEGATIVE_INFINITY;
    /** Half a unit of scale 10: the exact path's rounding of each criterion's points and of the total. */
    private static final double ROUNDING = 0.5e-10;
    /** Relative error allowed for per figure: thousands of times the operations' own. */
    private static final double RELATIVE = 1e-12;
    /** Two figures closer than this (relative) are taken as equal by a discontinuous comparison: unsure. */
    private static final double TIE = 1e-9;

    private final double setTotal;
    private final double[] max;
    /** The set's own rule of each criterion (a draw may swap target for linear: {@link DrawTotal.Draw#rule}). */
    private final double[] target;
    private final double[] best;
    private final double[] worst;
    /** How much a goalpost's subtraction can magnify its inputs' rounding (1 for the other rules). */
    private final double[] amplification;
    private final double[][] stepFrom;
    private final double[][] stepPoints;
    /** Whether criterion i is multiplied by another, and which (-1: unknown, then it has no points). */
    private final boolean[] hasTimes;
    private final int[] times;

    DoubleTotal(CriteriaSet set, int[] times) {
        int n = set.criteria.size();
        this.setTotal = set.total.doubleValue();
        this.times = times.clone();
        max = new double[n];
        target = new double[n];
        best = new double[n];
        worst = new double[n];
        amplification = new double[n];
        stepFrom = new double[n][];
        stepPoints = new double[n][];
        hasTimes = new boolean[n];
        for (int i = 0; i < n; i++) {
            Criterion c = set.criteria.get(i);
            ScoringRule r = c.scoring;
            max[i] = c.max.doubleValue();
            hasTimes[i] = c.times != null;
            target[i] = r.target == null ? 0 : r.target.doubleValue();
            best[i] = r.best == null ? 0 : r.best.doubleValue();
            worst[i] = r.worst == null ? 0 : r.worst.doubleValue();
            amplification[i] = r.kind == ScoringRule.Kind.GOALPOST && worst[i] > best[i]
                    ? 1 + 2 * Math.max(Math.abs(worst[i]), Math.abs(best[i])) / (worst[i] - best[i]) : 1;
            List<ScoringRule.Step> steps = r.steps;
            stepFrom[i] = new double[steps.size()];
            stepPoints[i] = new double[steps.size()];
            for (int k = 0; k < steps.size(); k++) {
                stepFrom[i][k] = steps.get(k).from.doubleValue();
                stepPoints[i][k] = steps.get(k).points.doubleValue();
            }
        }
    }

    /**
     * The published total (NaN: none), or {@link #UNSURE}. {@code drawn[i]}: criterion i's drawn numerator
     * (the bootstrap's count, or the numerator kept as it is), used only when it is scored.
     */
    double total(DrawTotal.Draw d, DrawTotal.Figures f, double[] drawn) {
        double points = 0;
        double magnitude = 0;
        double error = 0;
        double available = 0;
        double applicable = 0;
        double applicableDrawn = 0;
        for (int i = 0; i < max.length; i++) {
            if (!f.counted[i]) {
                continue;
            }
            double m = d.maxD[i];
            applicable += max[i];
            applicableDrawn += m;
            double p;
            if (f.scored[i]) {
                double nn = drawn[i];
                double dd = f.denD[i];
                if (hasTimes[i]) {
                    int j = times[i];
                    if (j < 0 || !f.scored[j]) {
                        continue;
                    }
                    nn *= drawn[j];
                    dd *= f.denD[j];
                }
                if (dd <= 0) {
                    continue;
                }
                p = points(d.rule[i].kind, i, nn, dd, m);
                if (p == UNSURE) {
                    return UNSURE;
                }
                error += ROUNDING + RELATIVE * amplification[i] * Math.abs(m);
            } else if (f.manual[i]) {
                p = f.manualD[i] * d.wD[i];
            } else {
                continue;
            }
            points += p;
            magnitude += Math.abs(p);
            available += m;
        }
        if (applicable == 0 || available == 0) {
            return Double.NaN; // sums of figures >= 0 are 0 exactly when the decimal sums are
        }
        error += RELATIVE * magnitude;
        double factor;
        if (d.rescale) {
            factor = setTotal / available;
        } else {
            factor = applicableDrawn == 0 ? 1 : applicable / applicableDrawn;
        }
        double t = points * factor;
        double bound = error * factor + ROUNDING + RELATIVE * Math.abs(t);
        if (!(t >= 0) || t > 1e12) {
            return UNSURE;
        }
        double cents = t * 100;
        double floor = Math.floor(cents);
        if (Math.abs(cents - floor - 0.5) <= 2 * bound * 100) {
            return UNSURE;
        }
        return (cents - floor > 0.5 ? floor + 1 : floor) / 100;
    }

    /** {@link ScoringRule#points} in doubles, unrounded; {@link #UNSURE} at a discontinuous near-tie. */
    private double points(ScoringRule.Kind kind, int i, double n, double d, double m) {
        switch (kind) {
            case RATIO:
                return n <= 0 ? 0 : n >= d ? m : n * m / d;
            case TARGET: {
                double at = target[i] * d;
                // at or below 1 the target is a continuous branch point: below it min(n, d) = n
                if (target[i] > 1 && near(n, at)) {
                    return UNSURE;
                }
                return n >= at ? m : n <= 0 ? 0 : Math.min(n, d) * m / (d * target[i]);
            }
            case GOALPOST:
                if (n <= best[i] * d) {
                    return m;
                }
                if (n >= worst[i] * d) {
                    return 0;
                }
                return m * (worst[i] * d - n) / (d * (worst[i] - best[i]));
            case STEPS: {
                double p = 0;
                for (int k = 0; k < stepFrom[i].length; k++) {
                    double at = stepFrom[i][k] * d;
                    if (near(n, at)) {
                        return UNSURE;
                    }
                    if (n >= at && stepPoints[i][k] > p) {
                        p = stepPoints[i][k];
                    }
                }
                return p;
            }
            default:
                return UNSURE;
        }
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= TIE * Math.max(Math.abs(a), Math.abs(b));
    }
}
