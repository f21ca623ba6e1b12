package vn.reformindex.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The set's optional data-quality gate ({@code quality_gate}, docs/criteria.md): a unit whose share of
 * rejected (quarantined) records is above {@code max_rejected_share}, or whose share of dossiers synced to
 * the national portal is below {@code min_synced_share}, is flagged in the rankings, and with
 * {@code exclude: true} not ranked.
 */
public final class QualityGate implements Serializable {
    private static final long serialVersionUID = 1L;
    static final Set<String> KEYS = Set.of("max_rejected_share", "min_synced_share", "exclude");

    /** Null: not checked. */
    public final BigDecimal maxRejectedShare;
    /** Null: not checked. */
    public final BigDecimal minSyncedShare;
    public final boolean exclude;

    public QualityGate(BigDecimal maxRejectedShare, BigDecimal minSyncedShare, boolean exclude) {
        this.maxRejectedShare = maxRejectedShare;
        this.minSyncedShare = minSyncedShare;
        this.exclude = exclude;
    }

    /** No gate: nothing checked, nothing flagged. */
    public static final QualityGate NONE = new QualityGate(null, null, false);

    public boolean active() {
        return maxRejectedShare != null || minSyncedShare != null;
    }

    static QualityGate read(String source, JsonNode root) {
        JsonNode m = SetOptions.mapping(source, root, "quality_gate", KEYS);
        if (m == null) {
            return NONE;
        }
        String p = "quality_gate";
        BigDecimal rejected = SetOptions.number(source, p, m, "max_rejected_share", BigDecimal.ZERO, BigDecimal.ONE, null);
        BigDecimal synced = SetOptions.number(source, p, m, "min_synced_share", BigDecimal.ZERO, BigDecimal.ONE, null);
        if (rejected == null && synced == null) {
            throw CriteriaSetLoader.error(source, null, "quality_gate: give max_rejected_share or min_synced_share (a share from 0 to 1)");
        }
        return new QualityGate(rejected, synced, SetOptions.bool(source, p, m, "exclude", false));
    }
}
