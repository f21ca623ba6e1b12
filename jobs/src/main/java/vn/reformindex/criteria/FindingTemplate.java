package vn.reformindex.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A criterion's finding sentence ({@code finding_text} in the set): Vietnamese text with placeholders in
 * braces, e.g. {@code Tỷ lệ hồ sơ nộp trực tuyến {ratio_pct} (mục tiêu {target_pct})}. The sentences are the
 * committee's data, not code; this class only checks them (at load, exit code 5) and fills them in with
 * values already formatted by the caller (docs/criteria.md, Findings).
 */
public final class FindingTemplate implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Every placeholder a sentence may use, in the order docs/criteria.md lists them. */
    public static final List<String> PLACEHOLDERS = List.of("name", "code", "numerator", "denominator", "gap", "ratio",
            "ratio_pct", "target_pct", "threshold_pct", "points", "max_points", "points_lost");
    /** Placeholders a manual criterion has no value for (no counts, no scoring rule). */
    private static final Set<String> NOT_MANUAL = Set.of("numerator", "denominator", "gap", "target_pct");
    /** How many findings a unit gets when the set does not say ({@code findings_per_unit}). */
    public static final int DEFAULT_PER_UNIT = 3;

    /** The text as written (trimmed). */
    public final String text;
    /** Literal, placeholder, literal, placeholder, ..., literal (so placeholders are at odd positions). */
    private final List<String> parts;

    private FindingTemplate(String text, List<String> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /** Parses a sentence; an unknown placeholder or a lone brace is refused with the problem as message. */
    public static FindingTemplate parse(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '}') {
                throw new IllegalArgumentException("'}' without '{' at character " + (i + 1));
            }
            if (ch != '{') {
                literal.append(ch);
                i++;
                continue;
            }
            int end = text.indexOf('}', i);
            int nextOpen = text.indexOf('{', i + 1);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
                throw new IllegalArgumentException("'{' without '}' at character " + (i + 1));
            }
            String name = text.substring(i + 1, end).trim();
            if (!PLACEHOLDERS.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "}; known: " + known());
            }
            parts.add(literal.toString());
            parts.add(name);
            literal.setLength(0);
            i = end + 1;
        }
        parts.add(literal.toString());
        return new FindingTemplate(text, parts);
    }

    private static String known() {
        StringBuilder sb = new StringBuilder();
        for (String p : PLACEHOLDERS) {
            sb.append(sb.length() == 0 ? "" : " ").append('{').append(p).append('}');
        }
        return sb.toString();
    }

    /** The placeholders the sentence uses. */
    public Set<String> placeholders() {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) {
            out.add(parts.get(i));
        }
        return out;
    }

    /** A placeholder the criterion can never fill, or null. */
    String problemFor(Criterion c) {
        for (String p : placeholders()) {
            if (c.source == Criterion.Source.MANUAL && NOT_MANUAL.contains(p)) {
                return "{" + p + "} has no value for a manual criterion (use {points}, {max_points}, {points_lost}, "
                        + "{ratio_pct})";
            }
            if (p.equals("threshold_pct") && c.findingBelow == null && c.findingAbove == null) {
                return "{threshold_pct} needs finding_below or finding_above";
            }
        }
        return null;
    }

    /**
     * The sentence with each placeholder replaced by its (already formatted) value; null when a placeholder
     * it uses has no value (the caller then writes its standard sentence).
     */
    public String render(Map<String, String> values) {
        StringBuilder sb = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i += 2) {
            String v = values.get(parts.get(i));
            if (v == null) {
                return null;
            }
            sb.append(v).append(parts.get(i + 1));
        }
        return sb.toString();
    }

    /** The set's finding sentences (by criterion code) and how many findings a unit gets. */
    public static final class Rules implements Serializable {
        private static final long serialVersionUID = 1L;
        public final Map<String, FindingTemplate> texts;
        public final int perUnit;

        Rules(Map<String, FindingTemplate> texts, int perUnit) {
            this.texts = Map.copyOf(texts);
            this.perUnit = perUnit;
        }

        /** The criterion's sentence, or null when the set gives none. */
        public FindingTemplate text(String criterionCode) {
            return texts.get(criterionCode);
        }
    }

    /**
     * Reads the optional {@code findings_per_unit} (top level) and {@code finding_text} (per criterion, the
     * nodes of {@code criteria} in the order the criteria were read).
     */
    static Rules read(String source, JsonNode root, List<Criterion> criteria) {
        int perUnit = DEFAULT_PER_UNIT;
        JsonNode n = root.get("findings_per_unit");
        if (n != null && !n.isNull()) {
            if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 100) {
                throw CriteriaSetLoader.error(source, null, "findings_per_unit: '" + n.asText()
                        + "' is not a whole number from 0 to 100");
            }
            perUnit = n.asInt();
        }
        Map<String, FindingTemplate> texts = new LinkedHashMap<>();
        JsonNode nodes = root.get("criteria");
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            JsonNode t = nodes.get(i).get("finding_text");
            if (t == null || t.isNull()) {
                continue;
            }
            String where = "criterion " + c.code;
            if (!t.isTextual() || t.asText().isBlank()) {
                throw CriteriaSetLoader.error(source, where, "finding_text: expected a sentence (text)");
            }
            FindingTemplate template;
            try {
                template = parse(t.asText().trim());
            } catch (IllegalArgumentException e) {
                throw CriteriaSetLoader.error(source, where, "finding_text: " + e.getMessage());
            }
            String problem = template.problemFor(c);
            if (problem != null) {
                throw CriteriaSetLoader.error(source, where, "finding_text: " + problem);
            }
            texts.put(c.code, template);
        }
        return new Rules(texts, perUnit);
    }
}
