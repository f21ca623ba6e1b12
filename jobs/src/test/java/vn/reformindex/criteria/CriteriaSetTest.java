package vn.reformindex.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.Storage;

/** The shipped sets load with their published points; hostile and broken sets are refused by name. */
class CriteriaSetTest {
    @Test
    void the766SetHasThePublishedCriteriaAndPoints() {
        CriteriaSet set = CriteriaSetLoader.load(Storage.local(), "766");
        Map<String, String> points = new LinkedHashMap<>();
        for (Criterion c : set.criteria) {
            points.put(c.code, c.max.stripTrailingZeros().toPlainString() + "/" + c.source.name().toLowerCase());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String s : new String[]{"1.1=6/manual", "1.2=4/manual", "1.3=2/manual", "1.4=6/dossiers",
                "2.1=20/dossiers", "2.2=0/dossiers", "3.1=4/catalogue", "3.2=2/catalogue", "3.3=6/dossiers",
                "3.5=2/catalogue", "3.5b=2/catalogue", "3.6=6/dossiers", "4.1=6/dossiers", "4.2=4/dossiers",
                "4.6=2/manual", "4.3=2/dossiers", "4.4=4/dossiers", "4.5a=2/catalogue", "4.5b=2/dossiers",
                "5.2=6/manual", "5.3=6/manual", "5.4=6/dossiers"}) {
            String[] kv = s.split("=");
            expected.put(kv[0], kv[1]);
        }
        assertEquals(expected, points);
        assertEquals(0, set.total.compareTo(new BigDecimal(100)));
        assertEquals("Tốt", set.tierOf(new BigDecimal("80.00")));
        assertEquals("Khá", set.tierOf(new BigDecimal("79.99")));
        assertEquals(64, set.contentHash.length());
    }

    @Test
    void theExampleCommuneSetLoads() {
        CriteriaSet set = CriteriaSetLoader.load(Storage.local(), "example-xa");
        assertEquals(CriteriaSet.MissingRule.ZERO, set.missingRule);
        assertTrue(set.criterion("QH1000") != null && set.criterion("XL") != null && set.criterion("QH") != null);
        assertEquals(ScoringRule.Kind.STEPS, set.criterion("4.2").scoring.kind);
    }

    @Test
    void theHashIgnoresLineEndsAndUnicodeForm() {
        String nfc = base("numerator: count_if(handled)");
        String crlfNfd = java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFD).replace("\n", "\r\n");
        assertEquals(parse(nfc).contentHash, parse(crlfNfd).contentHash);
        assertNotEquals(parse(nfc).contentHash, parse(base("numerator: count_if(received_in_period)")).contentHash);
    }

    @Test
    void hostileExpressionsAreRefusedWithTheirReason() {
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("numerator: count_if(reflect('java.lang.Runtime', 'getRuntime') IS NOT NULL)", "function 'reflect'");
        hostile.put("numerator: count_if(java_method('java.lang.System', 'exit', 1) = 0)", "function 'java_method'");
        hostile.put("numerator: count_if(input_file_name() = 'x')", "function 'input_file_name'");
        hostile.put("numerator: count_if(read_files('/etc/passwd') IS NOT NULL)", "function 'read_files'");
        hostile.put("numerator: count_if(handled) + (SELECT count(*) FROM staged_dossiers)", "ScalarSubquery");
        hostile.put("numerator: count_if(handled AND EXISTS (SELECT 1))", "Exists");
        hostile.put("numerator: count_if(my_secret_udf(handled))", "function 'my_secret_udf'");
        hostile.put("numerator: count_if(no_such_fact)", "unknown fact or column 'no_such_fact'");
        hostile.put("numerator: handled", "outside an aggregate");
        hostile.put("numerator: count_if(handled) / count_if(received_in_period)", "divides");
        hostile.put("numerator: \"count_if(handled" + " OR handled".repeat(1_000) + ")\"", "at most 4000");
        for (Map.Entry<String, String> e : hostile.entrySet()) {
            PipelineException ex = assertThrows(PipelineException.class, () -> parse(base(e.getKey())),
                    e.getKey().substring(0, Math.min(80, e.getKey().length())));
            assertEquals(ExitCode.BAD_CONFIGURATION, ex.exitCode());
            assertTrue(ex.getMessage().contains("criterion 2.1") && ex.getMessage().contains("numerator")
                    && ex.getMessage().contains(e.getValue()), ex.getMessage());
            assertTrue(ex.getMessage().startsWith("criteria set test.yaml, "), ex.getMessage());
        }
    }

    @Test
    void structuralMistakesAreRefusedWithTheirReason() {
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put(base("numerator: count_if(handled)").replace("max: 20\n    scoring", "max: 19\n    scoring"),
                "group G2: its criteria's maxima add up to 19");
        broken.put(base("numerator: count_if(handled)").replace("total: 100", "total: 90"),
                "the groups add up to 100, not to the declared total 90");
        broken.put(base("numerator: count_if(handled)").replace("{rule: ratio}", "{rule: target, target: 1.5}"),
                "target 1.5 is outside (0, 1]");
        broken.put(base("numerator: count_if(handled)").replace("{rule: ratio}", "{rule: target}"),
                "needs target");
        broken.put(base("numerator: count_if(handled)").replace("{rule: ratio}", "{rule: steps}"), "needs a list of steps");
        broken.put(base("numerator: count_if(handled)").replace("{rule: ratio}", "{rule: goalpost, best: 5, worst: 1}"),
                "needs best < worst");
        broken.put(base("numerator: count_if(handled)").replace("  - {code: \"5.4\"", "  - {code: \"2.1\""),
                "duplicate criterion code '2.1'");
        broken.put(base("numerator: count_if(handled)").replace("source: manual", "source: manual, numerator: \"count(1)\""),
                "a manual criterion takes its points from manual-scores.csv");
        broken.put(base("numerator: count_if(handled)").replace("max: 20\n", "max: 20\n    subtree: yes please\n"),
                "subtree: 'yes please' is not true or false");
        broken.put(base("numerator: count_if(handled)").replace("{rule: ratio}", "{rule: steps, steps: [{from: 0.5, points: 25}]}"),
                "step points 25 are outside [0, 20]");
        broken.put(base("numerator: count_if(handled)").replace("{rule: ratio}", "{rule: ratio, worst: 3}"),
                "scoring rule ratio takes no target, best, worst or steps");
        broken.put(base("numerator: count_if(handled)").replace("{rule: ratio}", "{rule: ratio, tagret: 0.5}"),
                "unknown key 'tagret'");
        broken.put(base("numerator: count_if(handled)").replace("max: 20\n", "max: 20\n    min_denominator: many\n"),
                "min_denominator: 'many' is not a whole number");
        for (Map.Entry<String, String> e : broken.entrySet()) {
            PipelineException ex = assertThrows(PipelineException.class, () -> parse(e.getKey()), e.getValue());
            assertTrue(ex.getMessage().contains(e.getValue()), ex.getMessage());
        }
    }

    private static CriteriaSet parse(String yaml) {
        return CriteriaSetLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    /** A two-group set whose criterion 2.1 carries the given numerator line. */
    static String base(String numeratorLine) {
        return String.join("\n", List.of(
                "id: test",
                "version: \"1\"",
                "total: 100",
                "tiers: [{name: Tốt, from: 80}, {name: Khác, from: 0}]",
                "groups:",
                "  - {code: G2, name: Tiến độ, max: 20}",
                "  - {code: G6, name: Hài lòng, max: 80}",
                "criteria:",
                "  - code: \"2.1\"",
                "    name: Đúng hạn",
                "    group: G2",
                "    source: dossiers",
                "    levels: [XA]",
                "    " + numeratorLine,
                "    denominator: count_if(handled)",
                "    max: 20",
                "    scoring: {rule: ratio}",
                "  - {code: \"5.4\", name: Khảo sát, group: G6, source: manual, levels: [XA], max: 80}",
                ""));
    }
}
