package vn.reformindex.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.Storage;

/** Finding sentences: the shipped sets give one for every criterion; broken sentences stop the load (exit code 5). */
class FindingTemplateTest {
    @Test
    void theShippedSetsHaveASentenceForEveryCriterion() {
        for (String name : List.of("766", "example-xa")) {
            CriteriaSet set = CriteriaSetLoader.load(Storage.local(), name);
            assertEquals(3, set.findings.perUnit, name);
            for (Criterion c : set.criteria) {
                assertTrue(set.findings.text(c.code) != null, name + " " + c.code);
            }
        }
        FindingTemplate t = CriteriaSetLoader.load(Storage.local(), "example-xa").findings.text("XL");
        Map<String, String> v = new HashMap<>(Map.of("denominator", "67", "gap", "12"));
        assertEquals("67 hồ sơ trễ hạn, 12 hồ sơ chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả", t.render(v));
        v.remove("gap");
        assertEquals(null, t.render(v), "a figure the row lacks: the caller writes its standard sentence");
    }

    @Test
    void placeholdersAndDefaults() {
        FindingTemplate t = FindingTemplate.parse("{ratio_pct} và { target_pct } {ratio_pct}");
        assertEquals(List.of("ratio_pct", "target_pct"), List.copyOf(t.placeholders()));
        assertEquals("1% và 2% 1%", t.render(Map.of("ratio_pct", "1%", "target_pct", "2%")));
        CriteriaSet noTexts = parse("", "");
        assertEquals(FindingTemplate.DEFAULT_PER_UNIT, noTexts.findings.perUnit);
        assertEquals(null, noTexts.findings.text("A"));
        assertEquals(0, parse("findings_per_unit: 0\n", "").findings.perUnit);
    }

    @Test
    void brokenSentencesAreRefusedByCriterion() {
        assertRefused("", ", finding_text: \"Tỷ lệ {ratio_pc}\"", ", criterion A: finding_text: unknown placeholder {ratio_pc}; "
                + "known: {name} {code} {numerator} {denominator} {gap} {ratio} {ratio_pct} {target_pct} {threshold_pct} "
                + "{points} {max_points} {points_lost}");
        assertRefused("", ", finding_text: \"Tỷ lệ {ratio_pct\"", ", criterion A: finding_text: '{' without '}' at character 7");
        assertRefused("", ", finding_text: \"Tỷ lệ ratio_pct}\"", ", criterion A: finding_text: '}' without '{' at character 16");
        assertRefused("", ", finding_text: \"{threshold_pct}\"", ", criterion A: finding_text: {threshold_pct} needs finding_below "
                + "or finding_above");
        assertRefused("", ", finding_text: [a]", ", criterion A: finding_text: expected a sentence (text)");
        assertRefused("findings_per_unit: -1\n", "", ": findings_per_unit: '-1' is not a whole number from 0 to 100");
        assertRefused("findings_per_unit: 2.5\n", "", ": findings_per_unit: '2.5' is not a whole number from 0 to 100");
        PipelineException e = assertThrows(PipelineException.class, () -> CriteriaSetLoader.parse("t.yaml", (
                "id: t\nversion: \"1\"\ntotal: 2\ntiers: [{name: A, from: 0}]\ngroups: [{code: G, name: G, max: 2}]\ncriteria:\n"
                        + "  - {code: M, name: M, group: G, source: manual, levels: [XA], max: 2, finding_text: \"{numerator}\"}\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("criteria set t.yaml, criterion M: finding_text: {numerator} has no value for a manual criterion (use "
                + "{points}, {max_points}, {points_lost}, {ratio_pct})", e.getMessage());
    }

    private static CriteriaSet parse(String top, String criterionExtra) {
        return CriteriaSetLoader.parse("t.yaml", ("id: t\nversion: \"1\"\ntotal: 2\n" + top
                + "tiers: [{name: A, from: 0}]\ngroups: [{code: G, name: G, max: 2}]\ncriteria:\n"
                + "  - {code: A, name: A, group: G, source: dossiers, levels: [XA], numerator: count_if(handled), "
                + "denominator: count_if(handled), max: 2, scoring: {rule: ratio}" + criterionExtra + "}\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String top, String criterionExtra, String message) {
        PipelineException e = assertThrows(PipelineException.class, () -> parse(top, criterionExtra));
        assertEquals(ExitCode.BAD_CONFIGURATION, e.exitCode());
        assertEquals("criteria set t.yaml" + message, e.getMessage());
    }
}
