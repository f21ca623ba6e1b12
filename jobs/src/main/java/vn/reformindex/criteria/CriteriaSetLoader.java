package vn.reformindex.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.reformindex.core.ExitCode;
import vn.reformindex.core.PipelineException;
import vn.reformindex.io.Storage;

/**
 * Reads a criteria-set YAML file and validates all of it before any Spark job: every message names the
 * file, the criterion (or group) and the problem. Built-in sets are named {@code 766} and
 * {@code example-xa}; anything else is a path or URI.
 */
public final class CriteriaSetLoader {
    public static final String DEFAULT = "766";
    private static final Set<String> BUILT_IN = Set.of("766", "example-xa");
    private static final Set<String> LEVELS = Set.of("TINH", "SO", "HUYEN", "XA");
    private static final Set<String> TOP_KEYS = Set.of("id", "version", "name", "total", "missing", "rank_incomplete",
            "catalogue_levels", "groups", "criteria", "tiers", "notes", "findings_per_unit");
    private static final Set<String> CRITERION_KEYS = Set.of("code", "key", "name", "group", "source", "levels", "numerator",
            "denominator", "known", "times", "max", "scoring", "min_denominator", "subtree", "finding_below", "finding_above",
            "notes", "finding_text");
    private static final Set<String> SCORING_KEYS = Set.of("rule", "target", "best", "worst", "steps");
    private static final Map<String, String> DEFAULT_CATALOGUE_LEVELS = Map.of("TINH", "TINH", "SO", "TINH", "HUYEN", "HUYEN", "XA", "XA");

    private CriteriaSetLoader() {
    }

    /** Loads a built-in set by name, or a file by path/URI (null: the default 766 set). */
    public static CriteriaSet load(Storage storage, String nameOrPath) {
        String ref = nameOrPath == null ? DEFAULT : nameOrPath;
        try {
            if (BUILT_IN.contains(ref)) {
                String res = "criteria/" + ref + ".yaml";
                try (InputStream in = CriteriaSetLoader.class.getClassLoader().getResourceAsStream(res)) {
                    if (in == null) {
                        throw error(res, null, "the built-in set is missing from the jar");
                    }
                    return parse("built-in:" + ref, in.readAllBytes());
                }
            }
            if (!storage.exists(ref)) {
                throw error(ref, null, "file not found (built-in sets: " + new java.util.TreeSet<>(BUILT_IN) + ")");
            }
            try (InputStream in = storage.open(ref)) {
                return parse(ref, in.readAllBytes());
            }
        } catch (IOException e) {
            throw error(ref, null, "cannot be read: " + e.getMessage());
        }
    }

    /** Parses and validates a set's bytes; {@code source} names it in messages. */
    public static CriteriaSet parse(String source, byte[] bytes) {
        if (bytes.length > 8_000_000) {
            throw error(source, null, "is " + bytes.length + " bytes; a criteria set is at most 8 MB");
        }
        String text = canonical(new String(bytes, StandardCharsets.UTF_8));
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw error(source, null, "is not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw error(source, null, "must be a YAML mapping with id, version, total, groups, criteria and tiers");
        }
        unknownKeys(source, null, root, TOP_KEYS);
        String id = text(source, null, root, "id", true);
        String version = text(source, null, root, "version", true);
        BigDecimal total = decimal(source, null, root, "total", true);
        String missing = text(source, null, root, "missing", false);
        CriteriaSet.MissingRule missingRule;
        if (missing == null || missing.equals("rescale")) {
            missingRule = CriteriaSet.MissingRule.RESCALE;
        } else if (missing.equals("zero")) {
            missingRule = CriteriaSet.MissingRule.ZERO;
        } else {
            throw error(source, null, "missing: '" + missing + "' is not one of rescale, zero");
        }
        boolean rankIncomplete = bool(source, null, root, "rank_incomplete");
        Map<String, String> catalogueLevels = new HashMap<>(DEFAULT_CATALOGUE_LEVELS);
        if (root.has("catalogue_levels")) {
            JsonNode cl = root.get("catalogue_levels");
            if (!cl.isObject()) {
                throw error(source, null, "catalogue_levels: expected a mapping from unit level to catalogue level");
            }
            cl.fields().forEachRemaining(e -> {
                if (!LEVELS.contains(e.getKey())) {
                    throw error(source, null, "catalogue_levels: '" + e.getKey() + "' is not one of " + new java.util.TreeSet<>(LEVELS));
                }
                catalogueLevels.put(e.getKey(), e.getValue().asText().trim().toUpperCase(Locale.ROOT));
            });
        }

        Map<String, CriteriaSet.Group> groups = new LinkedHashMap<>();
        for (JsonNode g : list(source, null, root, "groups")) {
            String code = text(source, "group", g, "code", true);
            String where = "group " + code;
            if (groups.containsKey(code)) {
                throw error(source, where, "duplicate group code '" + code + "'");
            }
            BigDecimal max = decimal(source, where, g, "max", true);
            if (max.signum() < 0) {
                throw error(source, where, "max: " + max.toPlainString() + " is negative");
            }
            groups.put(code, new CriteriaSet.Group(code, text(source, where, g, "name", true), max));
        }
        List<Criterion> criteria = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (JsonNode c : list(source, null, root, "criteria")) {
            Criterion criterion = criterion(source, c, groups.keySet());
            if (!codes.add(criterion.code)) {
                throw error(source, "criterion " + criterion.code, "duplicate criterion code '" + criterion.code + "'");
            }
            criteria.add(criterion);
        }
        for (Criterion c : criteria) {
            if (c.times != null) {
                Criterion other = criteria.stream().filter(o -> o.code.equals(c.times)).findFirst().orElse(null);
                if (other == null || other.source == Criterion.Source.MANUAL || other.times != null) {
                    throw error(source, "criterion " + c.code, "times: '" + c.times
                            + "' must name a criterion computed from dossiers or the catalogue (not manual, not itself multiplied)");
                }
            }
        }
        // Sums: criteria maxima add up to their group's, groups add up to the declared total.
        BigDecimal groupSum = BigDecimal.ZERO;
        for (CriteriaSet.Group g : groups.values()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Criterion c : criteria) {
                if (c.group.equals(g.code)) {
                    sum = sum.add(c.max);
                }
            }
            if (sum.compareTo(g.max) != 0) {
                throw error(source, "group " + g.code, "its criteria's maxima add up to " + sum.toPlainString()
                        + ", not to the group's max " + g.max.toPlainString());
            }
            groupSum = groupSum.add(g.max);
        }
        if (groupSum.compareTo(total) != 0) {
            throw error(source, null, "the groups add up to " + groupSum.toPlainString() + ", not to the declared total "
                    + total.toPlainString());
        }
        List<CriteriaSet.Tier> tiers = new ArrayList<>();
        for (JsonNode t : list(source, null, root, "tiers")) {
            String name = text(source, "tier", t, "name", true);
            for (CriteriaSet.Tier other : tiers) {
                if (other.name.equals(name)) {
                    throw error(source, "tier " + name, "duplicate tier name");
                }
            }
            BigDecimal from = decimal(source, "tier " + name, t, "from", true);
            if (from.signum() < 0 || from.compareTo(total) > 0) {
                throw error(source, "tier " + name, "from: " + from.toPlainString() + " is outside [0, " + total.toPlainString() + "]");
            }
            tiers.add(new CriteriaSet.Tier(name, from));
        }
        tiers.sort((a, b) -> b.from.compareTo(a.from));
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).from.compareTo(tiers.get(i - 1).from) == 0) {
                throw error(source, "tier " + tiers.get(i).name, "has the same cut-off as tier " + tiers.get(i - 1).name);
            }
        }
        // Findings (docs/criteria.md): finding_text per criterion, findings_per_unit per set.
        FindingTemplate.Rules findings = FindingTemplate.read(source, root, criteria);
        return new CriteriaSet(id, version, text(source, null, root, "name", false), sha256(text), source, total,
                missingRule, rankIncomplete, catalogueLevels, new ArrayList<>(groups.values()), criteria, tiers, findings);
    }

    private static Criterion criterion(String source, JsonNode c, Set<String> groups) {
        String code = text(source, "criterion", c, "code", true);
        String where = "criterion " + code;
        unknownKeys(source, where, c, CRITERION_KEYS);
        String name = text(source, where, c, "name", true);
        String group = text(source, where, c, "group", true);
        if (!groups.contains(group)) {
            throw error(source, where, "group '" + group + "' is not declared under groups " + groups);
        }
        String sourceText = text(source, where, c, "source", true);
        Criterion.Source src;
        try {
            src = Criterion.Source.valueOf(sourceText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(source, where, "source: '" + sourceText + "' is not one of dossiers, catalogue, manual");
        }
        Set<String> levels = new LinkedHashSet<>();
        for (JsonNode l : list(source, where, c, "levels")) {
            String level = l.asText().trim().toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                throw error(source, where, "levels: '" + l.asText() + "' is not one of " + new java.util.TreeSet<>(LEVELS));
            }
            levels.add(level);
        }
        BigDecimal max = decimal(source, where, c, "max", true);
        if (max.signum() < 0) {
            throw error(source, where, "max: " + max.toPlainString() + " is negative");
        }
        String numerator = text(source, where, c, "numerator", false);
        String denominator = text(source, where, c, "denominator", false);
        String known = text(source, where, c, "known", false);
        Set<String> columns = src == Criterion.Source.CATALOGUE ? Vocabulary.CATALOGUE : Vocabulary.DOSSIERS;
        if (src == Criterion.Source.MANUAL) {
            if (numerator != null || denominator != null || known != null) {
                throw error(source, where, "a manual criterion takes its points from manual-scores.csv: remove numerator, denominator and known");
            }
        } else {
            if (numerator == null || denominator == null) {
                throw error(source, where, "a criterion from " + sourceText + " needs both numerator and denominator");
            }
            check(source, where, "numerator", numerator, columns);
            check(source, where, "denominator", denominator, columns);
            if (known != null) {
                check(source, where, "known", known, columns);
            }
        }
        ScoringRule rule = scoring(source, where, c.get("scoring"), src, max);
        long minDenominator = 1;
        if (c.has("min_denominator")) {
            JsonNode m = c.get("min_denominator");
            if (!m.canConvertToLong() || !m.isIntegralNumber() || m.asLong() < 0) {
                throw error(source, where, "min_denominator: '" + m.asText() + "' is not a whole number >= 0");
            }
            minDenominator = m.asLong();
        }
        if (c.has("finding_below") && c.has("finding_above")) {
            throw error(source, where, "give finding_below (higher is better) or finding_above (lower is better), not both");
        }
        List<String> notes = new ArrayList<>();
        if (c.has("notes")) {
            notes.add(c.get("notes").asText());
        }
        String key = text(source, where, c, "key", false);
        if (key != null && !key.matches("[a-z][a-z0-9_]*")) {
            throw error(source, where, "key: '" + key + "' must be lower-case English letters, digits and _");
        }
        return new Criterion(code, key, name, group, src, levels, numerator, denominator, known,
                text(source, where, c, "times", false), max, rule, minDenominator, bool(source, where, c, "subtree"),
                c.has("finding_below") ? decimal(source, where, c, "finding_below", true) : null,
                c.has("finding_above") ? decimal(source, where, c, "finding_above", true) : null, notes);
    }

    private static ScoringRule scoring(String source, String where, JsonNode s, Criterion.Source src, BigDecimal max) {
        if (src == Criterion.Source.MANUAL) {
            if (s != null && !s.isNull() && !"manual".equals(s.path("rule").asText("manual"))) {
                throw error(source, where, "scoring: a manual criterion has no scoring rule (its points are entered)");
            }
            return new ScoringRule(ScoringRule.Kind.MANUAL, null, null, null, List.of());
        }
        if (s == null || !s.isObject()) {
            throw error(source, where, "scoring: expected a mapping with rule: ratio, target, goalpost or steps");
        }
        unknownKeys(source, where + ", scoring", s, SCORING_KEYS);
        String ruleText = s.path("rule").asText("");
        ScoringRule.Kind kind;
        try {
            kind = ScoringRule.Kind.valueOf(ruleText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null || kind == ScoringRule.Kind.MANUAL) {
            throw error(source, where, "scoring rule '" + ruleText + "' is not one of ratio, target, goalpost, steps");
        }
        BigDecimal target = s.has("target") ? decimal(source, where, s, "target", true) : null;
        BigDecimal best = s.has("best") ? decimal(source, where, s, "best", true) : null;
        BigDecimal worst = s.has("worst") ? decimal(source, where, s, "worst", true) : null;
        List<ScoringRule.Step> steps = new ArrayList<>();
        if (s.has("steps")) {
            for (JsonNode st : list(source, where, s, "steps")) {
                BigDecimal points = decimal(source, where, st, "points", true);
                if (points.signum() < 0 || points.compareTo(max) > 0) {
                    throw error(source, where, "step points " + points.toPlainString() + " are outside [0, " + max.toPlainString() + "]");
                }
                steps.add(new ScoringRule.Step(decimal(source, where, st, "from", true), points));
            }
        }
        switch (kind) {
            case TARGET:
                if (target == null) {
                    throw error(source, where, "scoring rule target needs target: a ratio in (0, 1]");
                }
                if (target.signum() <= 0 || target.compareTo(BigDecimal.ONE) > 0) {
                    throw error(source, where, "target " + target.toPlainString() + " is outside (0, 1]");
                }
                break;
            case GOALPOST:
                if (best == null || worst == null || best.compareTo(worst) >= 0) {
                    throw error(source, where, "scoring rule goalpost (lower is better) needs best < worst");
                }
                if (!steps.isEmpty()) {
                    throw error(source, where, "scoring rule goalpost takes no steps");
                }
                break;
            case STEPS:
                if (steps.isEmpty()) {
                    throw error(source, where, "scoring rule steps needs a list of steps with from and points");
                }
                if (best != null || worst != null) {
                    throw error(source, where, "scoring rule steps takes no best or worst");
                }
                break;
            default:
                if (target != null || best != null || worst != null || steps.size() > 0) {
                    throw error(source, where, "scoring rule ratio takes no target, best, worst or steps");
                }
        }
        if (kind != ScoringRule.Kind.TARGET && target != null) {
            throw error(source, where, "target is only used by the scoring rule target, not by " + ruleText);
        }
        return new ScoringRule(kind, target, best, worst, steps);
    }

    static void check(String source, String where, String field, String expression, Set<String> columns) {
        String p = ExpressionCheck.problem(expression, columns);
        if (p != null) {
            throw error(source, where, field + " " + p);
        }
    }

    private static void unknownKeys(String source, String where, JsonNode node, Set<String> allowed) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw error(source, where, "unknown key '" + k + "'; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static boolean bool(String source, String where, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw error(source, where, key + ": '" + v.asText() + "' is not true or false");
        }
        return v.asBoolean();
    }

    private static List<JsonNode> list(String source, String where, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw error(source, where, key + ": expected a non-empty list");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static String text(String source, String where, JsonNode node, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            if (required) {
                throw error(source, where, key + ": required");
            }
            return null;
        }
        if (!v.isValueNode()) {
            throw error(source, where, key + ": expected text");
        }
        return v.asText().trim();
    }

    private static BigDecimal decimal(String source, String where, JsonNode node, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(source, where, key + ": required");
            }
            return null;
        }
        try {
            return new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            throw error(source, where, key + ": '" + v.asText() + "' is not a number");
        }
    }

    /** UTF-8 text with line ends and Unicode normalised, so the hash does not depend on the editor. */
    static String canonical(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return Normalizer.normalize(t.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PipelineException error(String source, String where, String problem) {
        return new PipelineException(ExitCode.BAD_CONFIGURATION,
                "criteria set " + source + (where == null ? "" : ", " + where) + ": " + problem);
    }
}
