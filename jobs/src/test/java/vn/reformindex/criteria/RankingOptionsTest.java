package vn.reformindex.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;

/** The set's {@code uncertainty} and {@code quality_gate} mappings: defaults, values, and what is refused. */
class RankingOptionsTest {
    static CriteriaSet parse(String extra) {
        return CriteriaSetLoader.parse("opts.yaml", String.join("\n",
                "id: opts",
                "version: \"1\"",
                "total: 10",
                extra,
                "tiers: [{name: Tốt, from: 0}]",
                "groups: [{code: A, name: Nhóm A, max: 10}]",
                "criteria:",
                "  - {code: R, name: Tỷ lệ, group: A, source: dossiers, levels: [XA], numerator: count_if(handled), "
                        + "denominator: count_if(handled), max: 10, scoring: {rule: ratio}}",
                "").getBytes(StandardCharsets.UTF_8));
    }

    static String refused(String extra) {
        PipelineException e = assertThrows(PipelineException.class, () -> parse(extra));
        assertEquals(ExitCode.BAD_CONFIGURATION, e.exitCode());
        assertTrue(e.getMessage().startsWith("criteria set opts.yaml: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void defaults() {
        CriteriaSet s = parse("");
        assertEquals(1000, s.uncertainty.draws);
        assertEquals(766, s.uncertainty.seed);
        assertEquals(0, new BigDecimal("0.1").compareTo(s.uncertainty.weightBand));
        assertTrue(s.uncertainty.bootstrap && s.uncertainty.alternatives);
        assertEquals(Uncertainty.Periods.YEARLY, s.uncertainty.periods);
        assertFalse(s.qualityGate.active());
    }

    @Test
    void values() {
        CriteriaSet s = parse("uncertainty: {draws: 200, seed: 1, weight_band: 0.25, bootstrap: false, alternatives: false, "
                + "periods: all}\nquality_gate: {min_synced_share: 0.9}");
        assertEquals(200, s.uncertainty.draws);
        assertEquals(1, s.uncertainty.seed);
        assertEquals(new BigDecimal("0.25"), s.uncertainty.weightBand);
        assertFalse(s.uncertainty.bootstrap || s.uncertainty.alternatives);
        assertEquals(Uncertainty.Periods.ALL, s.uncertainty.periods);
        assertNull(s.qualityGate.maxRejectedShare);
        assertEquals(new BigDecimal("0.9"), s.qualityGate.minSyncedShare);
        assertFalse(s.qualityGate.exclude);
    }

    @Test
    void hostileValuesAreRefusedNamingTheKey() {
        assertTrue(refused("quality_gate: {max_rejected_share: 0.05, exlude: true}")
                .contains("quality_gate: unknown key 'exlude'"));
        assertTrue(refused("quality_gate: {max_rejected_share: 1.5}").contains("quality_gate.max_rejected_share: 1.5 is outside [0, 1]"));
        assertTrue(refused("quality_gate: {min_synced_share: -0.1}").contains("quality_gate.min_synced_share: -0.1 is outside"));
        assertTrue(refused("quality_gate: {min_synced_share: '0.9'}").contains("quality_gate.min_synced_share: '0.9' is not a number"));
        assertTrue(refused("quality_gate: {max_rejected_share: 0.1, exclude: 'sure'}").contains("quality_gate.exclude: 'sure' is not true or false"));
        assertTrue(refused("quality_gate: {exclude: true}").contains("give max_rejected_share or min_synced_share"));
        assertTrue(refused("quality_gate: 0.05").contains("quality_gate: expected a mapping"));
        assertTrue(refused("uncertainty: {draws: -1}").contains("uncertainty.draws: '-1' is not a whole number from 0 to 100000"));
        assertTrue(refused("uncertainty: {draws: 100001}").contains("uncertainty.draws"));
        assertTrue(refused("uncertainty: {draws: 2.5}").contains("uncertainty.draws"));
        assertTrue(refused("uncertainty: {weight_band: 0.6}").contains("uncertainty.weight_band: 0.6 is outside [0, 0.5]"));
        assertTrue(refused("uncertainty: {seed: -3}").contains("uncertainty.seed"));
        assertTrue(refused("uncertainty: {bootstrap: 1}").contains("uncertainty.bootstrap: '1' is not true or false"));
        assertTrue(refused("uncertainty: {periods: monthly}").contains("uncertainty.periods: 'monthly' is not one of yearly, all"));
        assertTrue(refused("uncertainty: {draws: 10, sead: 1}").contains("uncertainty: unknown key 'sead'"));
    }
}
