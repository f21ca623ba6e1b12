package vn.reformindex.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * How the rank intervals are drawn (the set's optional {@code uncertainty} mapping, docs/criteria.md): how
 * many seeded draws, each with criterion weights within {@code ±weight_band}, optionally the method
 * alternatives (target versus linear scoring, rescale versus zero for missing criteria) and a bootstrap of
 * each unit's counts; for which periods.
 */
public final class Uncertainty implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Set<String> KEYS = Set.of("draws", "seed", "weight_band", "bootstrap", "alternatives", "periods");
    public static final int MAX_DRAWS = 100_000;

    /** Which periods get intervals: years only (the default), or every requested period. */
    public enum Periods { YEARLY, ALL }

    public final int draws;
    public final long seed;
    /** Each criterion's weight is multiplied by a factor drawn uniformly in [1 - band, 1 + band]. */
    public final BigDecimal weightBand;
    public final boolean bootstrap;
    public final boolean alternatives;
    public final Periods periods;

    public Uncertainty(int draws, long seed, BigDecimal weightBand, boolean bootstrap, boolean alternatives, Periods periods) {
        this.draws = draws;
        this.seed = seed;
        this.weightBand = weightBand;
        this.bootstrap = bootstrap;
        this.alternatives = alternatives;
        this.periods = periods;
    }

    /** 1,000 draws, seed 766, weights ±10%, bootstrap and method alternatives on, yearly periods. */
    public static final Uncertainty DEFAULT = new Uncertainty(1000, 766, new BigDecimal("0.1"), true, true, Periods.YEARLY);

    /** The same with another number of draws (0: no intervals), e.g. from {@code --draws}. */
    public Uncertainty withDraws(int n) {
        return new Uncertainty(n, seed, weightBand, bootstrap, alternatives, periods);
    }

    public boolean enabled() {
        return draws > 0;
    }

    static Uncertainty read(String source, JsonNode root) {
        JsonNode m = SetOptions.mapping(source, root, "uncertainty", KEYS);
        if (m == null) {
            return DEFAULT;
        }
        String p = "uncertainty";
        int draws = (int) SetOptions.whole(source, p, m, "draws", 0, MAX_DRAWS, DEFAULT.draws);
        long seed = SetOptions.whole(source, p, m, "seed", 0, Long.MAX_VALUE, DEFAULT.seed);
        BigDecimal band = SetOptions.number(source, p, m, "weight_band", BigDecimal.ZERO, new BigDecimal("0.5"), DEFAULT.weightBand);
        boolean bootstrap = SetOptions.bool(source, p, m, "bootstrap", true);
        boolean alternatives = SetOptions.bool(source, p, m, "alternatives", true);
        Periods periods = DEFAULT.periods;
        JsonNode pv = m.get("periods");
        if (pv != null && !pv.isNull()) {
            String t = pv.isTextual() ? pv.asText().trim().toLowerCase(Locale.ROOT) : "";
            if (t.equals("yearly")) {
                periods = Periods.YEARLY;
            } else if (t.equals("all")) {
                periods = Periods.ALL;
            } else {
                throw CriteriaSetLoader.error(source, null, "uncertainty.periods: '" + SetOptions.shown(pv.asText())
                        + "' is not one of yearly, all");
            }
        }
        return new Uncertainty(draws, seed, band, bootstrap, alternatives, periods);
    }
}
