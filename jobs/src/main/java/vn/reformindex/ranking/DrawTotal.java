package vn.reformindex.ranking;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.criteria.ScoreStatus;
import vn.reformindex.criteria.ScoringRule;
import vn.reformindex.criteria.Uncertainty;

/**
 * One unit's total in one draw of the rank intervals (docs/criteria.md, Rank intervals). A draw's
 * parameters are functions of (seed, draw) alone, so every unit of a draw gets the same weights and method;
 * the bootstrap's counts are functions of (seed, draw, period, unit, criterion): the same seed gives the same
 * totals on any cluster, in any partitioning. Points are computed by the criterion's own rule in exact
 * decimals (so a draw with no variation reproduces the published total), or in doubles where they provably
 * give the same published total ({@link #publishedTotal}, {@link DoubleTotal}); the random numbers themselves
 * are doubles. What depends on the unit alone ({@link Figures}) or the draw alone ({@link Draw}) is computed once
 * by the caller, not per unit and draw.
 */
final class DrawTotal implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int SCALE = ScoringRule.SCALE;
    /** Streams of the hash: weights, method, bootstrap. */
    private static final long WEIGHT = 1, METHOD = 2, BOOTSTRAP = 3;

    private final CriteriaSet set;
    private final Uncertainty u;

    /** Index of each criterion's {@code times} criterion (-1: none or unknown). */
    private final int[] times;
    private final DoubleTotal doubles;

    DrawTotal(CriteriaSet set, Uncertainty u) {
        this.set = set;
        this.u = u;
        this.times = new int[set.criteria.size()];
        for (int i = 0; i < times.length; i++) {
            String t = set.criteria.get(i).times;
            times[i] = t == null ? -1 : index(t);
        }
        this.doubles = new DoubleTotal(set, times);
    }

    /**
     * A unit's {@code scores} rows read once into arrays by criterion (the last row of a criterion wins),
     * with what the bootstrap needs of each count: the work that does not depend on the draw.
     */
    Figures figures(String unit, String period, List<Row> figures) {
        int n = set.criteria.size();
        Figures f = new Figures(n, period.hashCode(), unit.hashCode());
        for (Row r : figures) {
            int i = index(r.getAs("criterion_code"));
            if (i < 0) {
                continue;
            }
            f.status[i] = r.getAs("status");
            f.num[i] = r.getAs("numerator");
            f.den[i] = r.getAs("denominator");
            f.manualPoints[i] = r.getAs("points");
        }
        for (int i = 0; i < n; i++) {
            f.numD[i] = f.num[i] == null ? Double.NaN : f.num[i].doubleValue();
            f.denD[i] = f.den[i] == null ? Double.NaN : f.den[i].doubleValue();
            f.manualD[i] = f.manualPoints[i] == null ? Double.NaN : f.manualPoints[i].doubleValue();
            f.scored[i] = ScoreStatus.SCORED.equals(f.status[i]) && f.num[i] != null && f.den[i] != null;
            f.counted[i] = f.status[i] != null && !ScoreStatus.NOT_APPLICABLE.equals(f.status[i]);
            f.manual[i] = ScoreStatus.MANUAL.equals(f.status[i]) && f.manualPoints[i] != null;
            if (f.scored[i] && u.bootstrap && set.criteria.get(i).source == Criterion.Source.DOSSIERS) {
                f.trials[i] = trials(f.num[i], f.den[i]);
                f.ratio[i] = f.trials[i] < 0 ? 0 : f.num[i].stripTrailingZeros().doubleValue() / f.trials[i];
            }
        }
        return f;
    }

    /** The draw's parameters, the same for every unit: method choices and each criterion's weight and maximum. */
    Draw draw(long draw) {
        int n = set.criteria.size();
        boolean linear = u.alternatives && uniform(u.seed, draw, METHOD, 0) < 0.5;
        boolean otherMissing = u.alternatives && uniform(u.seed, draw, METHOD, 1) < 0.5;
        boolean rescale = (set.missingRule == CriteriaSet.MissingRule.RESCALE) != otherMissing;
        BigDecimal[] w = new BigDecimal[n];
        BigDecimal[] max = new BigDecimal[n];
        double[] wD = new double[n];
        double[] maxD = new double[n];
        ScoringRule[] rule = new ScoringRule[n];
        for (int i = 0; i < n; i++) {
            Criterion c = set.criteria.get(i);
            w[i] = weight(draw, i);
            max[i] = c.max.multiply(w[i]);
            wD[i] = w[i].doubleValue();
            maxD[i] = max[i].doubleValue();
            rule[i] = linear && c.scoring.kind == ScoringRule.Kind.TARGET ? ScoringRule.linear() : c.scoring;
        }
        return new Draw(draw, rescale, w, max, wD, maxD, rule, mix(u.seed, draw, BOOTSTRAP));
    }

    /**
     * The draw's published total of a unit as a double (NaN: none), the value of {@link #total}: in doubles
     * where they provably give it ({@link DoubleTotal}), else in exact decimals.
     */
    double publishedTotal(Draw d, Figures f) {
        long[] counts = resampled(d, f);
        double t = doubles.total(d, f, drawn(f, counts));
        if (t != DoubleTotal.UNSURE) {
            return t;
        }
        BigDecimal exact = total(d, f, counts);
        return exact == null ? Double.NaN : exact.doubleValue();
    }

    /** The total in doubles alone: the published total, NaN or {@link DoubleTotal#UNSURE}. */
    double doubleTotal(Draw d, Figures f) {
        return doubles.total(d, f, drawn(f, resampled(d, f)));
    }

    /** The drawn numerators as doubles: the bootstrap's count, or the numerator kept as it is (NaN: not scored). */
    private static double[] drawn(Figures f, long[] counts) {
        double[] drawn = new double[counts.length];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = !f.scored[i] ? Double.NaN : f.trials[i] < 0 ? f.numD[i] : counts[i];
        }
        return drawn;
    }

    /** The draw's published total (two decimals, half-up) of a unit, or null: exact decimals throughout. */
    BigDecimal total(Draw d, Figures f) {
        return total(d, f, resampled(d, f));
    }

    /**
     * The bootstrap's counts of the draw: {@code counts[i]} for each scored criterion the bootstrap resamples
     * ({@code trials[i] >= 0}), drawn before any points because a criterion multiplied by another
     * ({@code times}) uses the other's resampled count.
     */
    private long[] resampled(Draw d, Figures f) {
        long[] counts = new long[set.criteria.size()];
        // mix(seed, draw, BOOTSTRAP, period, unit, i), its common prefixes hashed once
        long unit = step(step(d.bootstrapPrefix, f.periodHash), f.unitHash);
        for (int i = 0; i < counts.length; i++) {
            if (f.scored[i] && f.trials[i] >= 0) {
                counts[i] = binomial(f.trials[i], f.ratio[i], new SplittableRandom(step(unit, i)));
            }
        }
        return counts;
    }

    private BigDecimal total(Draw d, Figures f, long[] counts) {
        int n = set.criteria.size();
        BigDecimal[] drawn = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            if (f.scored[i]) {
                drawn[i] = f.trials[i] < 0 ? f.num[i] : BigDecimal.valueOf(counts[i]);
            }
        }
        BigDecimal points = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal applicable = BigDecimal.ZERO;
        BigDecimal applicableDrawn = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            if (!f.counted[i]) {
                continue;
            }
            Criterion c = set.criteria.get(i);
            BigDecimal max = d.max[i];
            applicable = applicable.add(c.max);
            applicableDrawn = applicableDrawn.add(max);
            BigDecimal p = null;
            if (f.scored[i]) {
                BigDecimal nn = drawn[i];
                BigDecimal dd = f.den[i];
                if (c.times != null) {
                    int j = times[i];
                    if (j < 0 || drawn[j] == null) {
                        continue;
                    }
                    nn = nn.multiply(drawn[j]);
                    dd = dd.multiply(f.den[j]);
                }
                if (dd.signum() <= 0) {
                    continue;
                }
                p = d.rule[i].points(nn, dd, max);
            } else if (f.manual[i]) {
                p = f.manualPoints[i].multiply(d.w[i]);
            }
            if (p != null) {
                points = points.add(p);
                available = available.add(max);
            }
        }
        if (applicable.signum() == 0 || available.signum() == 0) {
            return null; // as in the published totals: no total without a criterion that has points
        }
        BigDecimal total;
        if (d.rescale) {
            total = points.multiply(set.total).divide(available, SCALE, RoundingMode.HALF_UP);
        } else {
            // Zero: criteria without points count 0; the drawn weights are renormalised so that the applicable
            // maximum stays what it is (with no variation this is the published total, the points).
            total = applicableDrawn.signum() == 0 ? points.setScale(SCALE, RoundingMode.HALF_UP)
                    : points.multiply(applicable).divide(applicableDrawn, SCALE, RoundingMode.HALF_UP);
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    /** One unit's figures by criterion index; {@code trials[i] >= 0} when the bootstrap resamples criterion i. */
    static final class Figures {
        final String[] status;
        final BigDecimal[] num;
        final BigDecimal[] den;
        final BigDecimal[] manualPoints;
        /** The same figures as doubles (NaN: none), for {@link DoubleTotal}. */
        final double[] numD;
        final double[] denD;
        final double[] manualD;
        /** scored with both counts; counted (applicable, has a status); manual with points. */
        final boolean[] scored;
        final boolean[] counted;
        final boolean[] manual;
        final long[] trials;
        /** The binomial's probability, as {@link #resample} computes it. */
        final double[] ratio;
        final long periodHash;
        final long unitHash;

        Figures(int n, int periodHash, int unitHash) {
            status = new String[n];
            num = new BigDecimal[n];
            den = new BigDecimal[n];
            manualPoints = new BigDecimal[n];
            numD = new double[n];
            denD = new double[n];
            manualD = new double[n];
            scored = new boolean[n];
            counted = new boolean[n];
            manual = new boolean[n];
            trials = new long[n];
            java.util.Arrays.fill(trials, -1);
            ratio = new double[n];
            this.periodHash = periodHash;
            this.unitHash = unitHash;
        }
    }

    /** One draw's parameters. */
    static final class Draw {
        final long draw;
        final boolean rescale;
        final BigDecimal[] w;
        final BigDecimal[] max;
        /** The same weights and maxima as doubles, for {@link DoubleTotal}. */
        final double[] wD;
        final double[] maxD;
        final ScoringRule[] rule;
        /** {@code mix(seed, draw, BOOTSTRAP)}: the first parts of every bootstrap count's hash in this draw. */
        final long bootstrapPrefix;

        Draw(long draw, boolean rescale, BigDecimal[] w, BigDecimal[] max, double[] wD, double[] maxD, ScoringRule[] rule,
                long bootstrapPrefix) {
            this.draw = draw;
            this.rescale = rescale;
            this.w = w;
            this.max = max;
            this.wD = wD;
            this.maxD = maxD;
            this.rule = rule;
            this.bootstrapPrefix = bootstrapPrefix;
        }
    }

    /** The draw's weight factor of criterion i: uniform in [1 - band, 1 + band], six decimals (exactly 1 at band 0). */
    BigDecimal weight(long draw, int i) {
        if (u.weightBand.signum() == 0) {
            return BigDecimal.ONE;
        }
        double f = 1 + u.weightBand.doubleValue() * (2 * uniform(u.seed, draw, WEIGHT, i) - 1);
        return BigDecimal.valueOf(Math.round(f * 1e6), 6);
    }

    private int index(String code) {
        for (int i = 0; i < set.criteria.size(); i++) {
            if (set.criteria.get(i).code.equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A bootstrap count: the numerator of the unit's dossiers resampled with replacement, i.e. binomial
     * (denominator, ratio). Only a count of the denominator's dossiers (whole, 0..denominator) is resampled;
     * a sum or a scaled count (days, per 1,000) is kept as it is.
     */
    static BigDecimal resample(BigDecimal numerator, BigDecimal denominator, long seed) {
        long trials = trials(numerator, denominator);
        if (trials < 0) {
            return numerator;
        }
        double p = numerator.stripTrailingZeros().doubleValue() / trials;
        return BigDecimal.valueOf(binomial(trials, p, new SplittableRandom(seed)));
    }

    /** The denominator as a number of trials when the numerator is a count of its dossiers, else -1. */
    static long trials(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal n = numerator.stripTrailingZeros();
        BigDecimal d = denominator.stripTrailingZeros();
        if (n.scale() > 0 || d.scale() > 0 || n.signum() < 0 || n.compareTo(d) > 0 || d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            return -1;
        }
        return d.longValueExact();
    }

    /** A binomial(trials, p) draw: exact for small samples, normal approximation when trials x p x (1 - p) >= 25. */
    static long binomial(long trials, double p, SplittableRandom rnd) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return trials;
        }
        if (trials <= 64) {
            long k = 0;
            for (long t = 0; t < trials; t++) {
                if (rnd.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double q = Math.min(p, 1 - p);
        double var = trials * q * (1 - q);
        long k;
        if (var >= 25) {
            double z = gaussian(rnd);
            k = Math.round(trials * q + z * Math.sqrt(var));
            k = Math.max(0, Math.min(trials, k));
        } else {
            // Inversion: walk the probabilities from 0 (expected steps about trials x q, at most ~60 here).
            double pk = Math.exp(trials * Math.log1p(-q));
            double v = rnd.nextDouble();
            k = 0;
            double cum = pk;
            while (v > cum && k < trials) {
                pk *= (double) (trials - k) / (k + 1) * q / (1 - q);
                k++;
                cum += pk;
            }
        }
        return q == p ? k : trials - k;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller, one value: SplittableRandom has no nextGaussian of its own in Java 17.
        double a = rnd.nextDouble();
        double b = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - a)) * Math.cos(2 * Math.PI * b);
    }

    /** A uniform [0, 1) number determined by its arguments alone. */
    static double uniform(long... parts) {
        return (mix(parts) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser over the parts: a deterministic 64-bit hash, independent of partitioning. */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = step(h, p);
        }
        return h;
    }

    /** One part of {@link #mix}: {@code mix(a..., p) = step(mix(a...), p)}. */
    static long step(long h, long p) {
        h += p * 0xBF58476D1CE4E5B9L + 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
