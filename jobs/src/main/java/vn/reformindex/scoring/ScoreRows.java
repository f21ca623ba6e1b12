package vn.reformindex.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.Criterion;
import vn.reformindex.criteria.ScoreStatus;
import vn.reformindex.criteria.ScoringRule;
import vn.reformindex.table.Tables;

/**
 * The scores table: for each unit and period of the wide aggregate, one row per criterion of the set with
 * numerator, denominator, ratio, points and max as exact decimals and a status ({@link ScoreStatus}). The
 * ratio and the points are computed from the integer counts as exact fractions and rounded once (scale 10,
 * half-up); a criterion multiplied by another ({@code times}) multiplies the fractions, not rounded ratios.
 */
public final class ScoreRows implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final CriteriaSet set;

    public ScoreRows(CriteriaSet set) {
        this.set = set;
    }

    public static Dataset<Row> score(CriteriaSet set, Dataset<Row> wide) {
        return wide.flatMap(new ScoreRows(set), Encoders.row(Tables.SCORES.schema()));
    }

    /** An exact ratio: numerator / denominator, denominator > 0. */
    private record Fraction(BigDecimal numerator, BigDecimal denominator) {
        Fraction times(Fraction other) {
            return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
        }

        BigDecimal rounded() {
            return ScoringRule.divide(numerator, denominator);
        }

        boolean below(BigDecimal threshold) {
            return numerator.compareTo(threshold.multiply(denominator)) < 0;
        }

        boolean above(BigDecimal threshold) {
            return numerator.compareTo(threshold.multiply(denominator)) > 0;
        }
    }

    @Override
    public Iterator<Row> call(Row w) {
        String level = w.getAs("unit_level");
        int n = set.criteria.size();
        Fraction[] ratios = new Fraction[n];
        String[] statuses = new String[n];
        BigDecimal[] nums = new BigDecimal[n];
        BigDecimal[] dens = new BigDecimal[n];
        // First the plain ratios, then the multiplied ones (3.3 x 1.4), then points.
        for (int i = 0; i < n; i++) {
            Criterion c = set.criteria.get(i);
            if (level == null || !c.appliesTo(level)) {
                statuses[i] = ScoreStatus.NOT_APPLICABLE;
            } else if (c.source == Criterion.Source.MANUAL) {
                statuses[i] = ScoreStatus.MANUAL;
            } else {
                nums[i] = orZero(get(w, CriterionAggregates.numerator(i)));
                dens[i] = orZero(get(w, CriterionAggregates.denominator(i)));
                BigDecimal known = c.known == null ? null : orZero(get(w, CriterionAggregates.known(i)));
                if ((known != null && known.signum() == 0) || dens[i].signum() == 0
                        || dens[i].compareTo(BigDecimal.valueOf(c.minDenominator)) < 0) {
                    statuses[i] = ScoreStatus.INSUFFICIENT;
                } else {
                    statuses[i] = ScoreStatus.SCORED;
                    ratios[i] = new Fraction(nums[i], dens[i]);
                }
            }
        }
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Criterion c = set.criteria.get(i);
            Fraction exact = ratios[i];
            String status = statuses[i];
            if (c.times != null && status.equals(ScoreStatus.SCORED)) {
                int j = index(c.times);
                if (!statuses[j].equals(ScoreStatus.SCORED)) {
                    status = ScoreStatus.INSUFFICIENT;
                    exact = null;
                } else {
                    exact = exact.times(ratios[j]);
                }
            }
            BigDecimal ratio = null;
            BigDecimal points = null;
            String evidence = null;
            boolean finding = false;
            if (status.equals(ScoreStatus.SCORED)) {
                ratio = exact.rounded();
                points = c.scoring.points(exact.numerator(), exact.denominator(), c.max);
                finding = (c.findingBelow != null && exact.below(c.findingBelow))
                        || (c.findingAbove != null && exact.above(c.findingAbove));
            } else if (status.equals(ScoreStatus.MANUAL)) {
                BigDecimal mp = get(w, CriterionAggregates.manualPoints(i));
                BigDecimal mr = get(w, CriterionAggregates.manualRatio(i));
                evidence = w.getAs(CriterionAggregates.manualEvidence(i));
                if (mp != null) {
                    points = scale(mp);
                } else if (mr != null) {
                    ratio = scale(mr);
                    points = scale(mr.multiply(c.max));
                } else {
                    status = ScoreStatus.MISSING;
                }
                finding = ratio != null && ((c.findingBelow != null && ratio.compareTo(c.findingBelow) < 0)
                        || (c.findingAbove != null && ratio.compareTo(c.findingAbove) > 0));
            }
            out.add(RowFactory.create(set.id, set.version, set.contentHash, w.getAs("unit_code"), level,
                    w.getAs("peer_group"), w.getAs("period"), w.getAs("period_start"), w.getAs("period_end"),
                    w.getAs("as_of"), c.group, c.code, c.key, c.name, c.source.name().toLowerCase(Locale.ROOT),
                    scale(nums[i]), scale(dens[i]), ratio, points, scale(c.max), status, finding, evidence));
        }
        return out.iterator();
    }

    private int index(String code) {
        for (int i = 0; i < set.criteria.size(); i++) {
            if (set.criteria.get(i).code.equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException(code);
    }

    private static BigDecimal get(Row w, String column) {
        int i;
        try {
            i = w.fieldIndex(column);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return w.isNullAt(i) ? null : w.getDecimal(i);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? null : v.setScale(ScoringRule.SCALE, RoundingMode.HALF_UP);
    }
}
