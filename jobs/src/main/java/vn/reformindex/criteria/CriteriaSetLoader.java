package vn.reformindex.criteria;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
 *
 * <p>Hostile files are refused with exit code 5 and a one-line message, never a stack trace: a file over
 * {@link #MAX_BYTES} (read with a cap, so an endless stream fails fast), text that is not UTF-8, duplicate keys,
 * YAML anchors, aliases and tags, nesting deeper than {@link #MAX_YAML_DEPTH}, numbers beyond
 * {@link ExpressionCheck#NUMBER_LIMIT} or with more than {@link ExpressionCheck#MAX_SCALE} decimals, more
 * than {@link #MAX_ENTRIES} groups, criteria, tiers or steps, and expressions that {@link ExpressionCheck}
 * refuses.
 */
public final class CriteriaSetLoader {
    public static final String DEFAULT = "766";
    private static final Set<String> BUILT_IN = Set.of("766", "example-xa");
    private static final Set<String> LEVELS = Set.of("TINH", "SO", "HUYEN", "XA");
    private static final Set<String> TOP_KEYS = Set.of("id", "version", "name", "total", "missing", "rank_incomplete",
            "catalogue_levels", "groups", "criteria", "tiers", "notes", "findings_per_unit", "uncertainty", "quality_gate");
    private static final Set<String> CRITERION_KEYS = Set.of("code", "key", "name", "group", "source", "levels", "numerator",
            "denominator", "known", "times", "max", "scoring", "min_denominator", "subtree", "finding_below", "finding_above",
            "notes", "finding_text");
    private static final Set<String> SCORING_KEYS = Set.of("rule", "target", "best", "worst", "steps");
    private static final Map<String, String> DEFAULT_CATALOGUE_LEVELS = Map.of("TINH", "TINH", "SO", "TINH", "HUYEN", "HUYEN", "XA", "XA");
    /** Largest set file (1 MiB); a longer stream is refused after reading one byte more. */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest YAML nesting. */
    public static final int MAX_YAML_DEPTH = 16;
    /** Most groups, criteria, tiers, or steps of one rule. */
    public static final int MAX_ENTRIES = 200;
    /** Longest message: a hostile code or path cannot make it longer (or more than one line). */
    private static final int MAX_MESSAGE = 600;
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_YAML_DEPTH)
                    .maxNumberLength(100).maxStringLength(MAX_BYTES).build())
            .build();

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
                    return parse("built-in:" + ref, readCapped("built-in:" + ref, in));
                }
            }
            if (!storage.exists(ref)) {
                throw error(ref, null, "file not found (built-in sets: " + new java.util.TreeSet<>(BUILT_IN) + ")");
            }
            try (InputStream in = storage.open(ref)) {
                return parse(ref, readCapped(ref, in));
            }
        } catch (IOException e) {
            throw error(ref, null, "cannot be read: " + e.getMessage());
        }
    }

    /** At most {@link #MAX_BYTES} bytes of a stream; one more and the set is refused (never reads it whole). */
    static byte[] readCapped(String source, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw error(source, null, "is larger than " + MAX_BYTES + " bytes; a criteria set is at most 1 MiB");
        }
        return bytes;
    }

    /** Parses and validates a set's bytes; {@code source} names it in messages. */
    public static CriteriaSet parse(String source, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw error(source, null, "is " + bytes.length + " bytes; a criteria set is at most 1 MiB (" + MAX_BYTES + " bytes)");
        }
        String text = canonical(utf8(source, bytes));
        JsonNode root = yaml(source, text);
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
        for (JsonNode g : list(source, null, root, "groups", MAX_ENTRIES)) {
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
        for (JsonNode c : list(source, null, root, "criteria", MAX_ENTRIES)) {
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
        for (JsonNode t : list(source, null, root, "tiers", MAX_ENTRIES)) {
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
                missingRule, rankIncomplete, catalogueLevels, new ArrayList<>(groups.values()), criteria, tiers, findings,
                Uncertainty.read(source, root), QualityGate.read(source, root));
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
        for (JsonNode l : list(source, where, c, "levels", MAX_ENTRIES)) {
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
        String numeratorText = text(source, where, c, "numerator", false);
        String denominatorText = text(source, where, c, "denominator", false);
        String knownText = text(source, where, c, "known", false);
        Set<String> columns = src == Criterion.Source.CATALOGUE ? Vocabulary.CATALOGUE : Vocabulary.DOSSIERS;
        CheckedExpression numerator = null;
        CheckedExpression denominator = null;
        CheckedExpression known = null;
        if (src == Criterion.Source.MANUAL) {
            if (numeratorText != null || denominatorText != null || knownText != null) {
                throw error(source, where, "a manual criterion takes its points from manual-scores.csv: remove numerator, denominator and known");
            }
        } else {
            if (numeratorText == null || denominatorText == null) {
                throw error(source, where, "a criterion from " + sourceText + " needs both numerator and denominator");
            }
            numerator = check(source, code, "numerator", numeratorText, columns);
            denominator = check(source, code, "denominator", denominatorText, columns);
            if (knownText != null) {
                known = check(source, code, "known", knownText, columns);
            }
        }
        ScoringRule rule = scoring(source, where, c.get("scoring"), src, max);
        long minDenominator = 1;
        if (c.has("min_denominator")) {
            JsonNode m = c.get("min_denominator");
            if (!m.canConvertToLong() || !m.isIntegralNumber() || m.asLong() < 0) {
                throw error(source, where, "min_denominator: '" + shown(m.asText()) + "' is not a whole number >= 0");
            }
            if (m.asLong() > ExpressionCheck.NUMBER_LIMIT.longValue()) {
                throw error(source, where, "min_denominator: " + m.asLong() + " is outside [0, " + ExpressionCheck.NUMBER_LIMIT + "]");
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
            for (JsonNode st : list(source, where, s, "steps", MAX_ENTRIES)) {
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

    /** Parses the expression once, checks its tree, and keeps that tree for the score stage. */
    static CheckedExpression check(String source, String code, String field, String expression, Set<String> columns) {
        ExpressionCheck.Result r = ExpressionCheck.check(expression, columns);
        if (r.problem != null) {
            throw error(source, "criterion " + code, field + " " + r.problem);
        }
        return new CheckedExpression(expression, field, source, code, r.columns, r.tree);
    }

    /** Strict UTF-8: a byte sequence that is not UTF-8 is refused with its offset, not replaced. */
    private static String utf8(String source, byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            throw error(source, null, "is not valid UTF-8 (byte offset " + in.position() + ")");
        }
        return out.flip().toString();
    }

    /**
     * The YAML tree, after a first pass over the tokens that refuses duplicate keys, anchors, aliases and
     * tags (Jackson would silently read an alias as its anchor's name, and the last of two equal keys).
     */
    private static JsonNode yaml(String source, String text) {
        try {
            try (YAMLParser p = (YAMLParser) YAML.createParser(text)) {
                while (p.nextToken() != null) {
                    int line = p.currentTokenLocation().getLineNr();
                    if (p.isCurrentAlias()) {
                        throw error(source, null, "uses the YAML alias '*" + shown(p.getText()) + "' (line " + line
                                + "); anchors and aliases are not allowed: write each value out");
                    }
                    if (p.getObjectId() != null) {
                        throw error(source, null, "uses the YAML anchor '&" + shown(String.valueOf(p.getObjectId()))
                                + "' (line " + line + "); anchors and aliases are not allowed: write each value out");
                    }
                    Object tag = p.getTypeId();
                    if (tag != null && !"tag:yaml.org,2002:str".equals(tag)) {
                        throw error(source, null, "uses the YAML tag '" + shown(String.valueOf(tag)) + "' (line " + line
                                + "); tags other than !!str are not allowed");
                    }
                }
            }
            return new ObjectMapper(YAML).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).readTree(text);
        } catch (JsonProcessingException e) {
            String m = ExpressionCheck.firstLine(e.getOriginalMessage());
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            java.util.regex.Matcher dup = java.util.regex.Pattern.compile("^Duplicate field '(.*)'$").matcher(m);
            if (dup.matches()) {
                throw error(source, null, "has the key '" + shown(dup.group(1)) + "' twice in one mapping" + where
                        + "; each key may appear once");
            }
            if (m.startsWith("Document nesting depth")) {
                throw error(source, null, "is nested more than " + MAX_YAML_DEPTH + " levels deep" + where);
            }
            throw error(source, null, "is not valid YAML: " + m + where);
        } catch (IOException e) {
            throw error(source, null, "is not valid YAML: " + ExpressionCheck.firstLine(e.getMessage()));
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

    private static List<JsonNode> list(String source, String where, JsonNode node, String key, int max) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw error(source, where, key + ": expected a non-empty list");
        }
        if (v.size() > max) {
            throw error(source, where, key + ": " + v.size() + " entries; at most " + max + " are allowed");
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
        BigDecimal d;
        try {
            d = new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            throw error(source, where, key + ": '" + shown(v.asText()) + "' is not a number");
        }
        // Bounded so that no sum, product or DECIMAL(38, 10) column downstream can overflow.
        String p = ExpressionCheck.numberProblem(d, shown(v.asText().trim()));
        if (p != null) {
            throw error(source, where, key + ": " + p.substring("uses the number ".length()));
        }
        return d;
    }

    /** A value as shown in a message: at most 40 characters. */
    private static String shown(String value) {
        String v = String.valueOf(value);
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
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

    /** Exit code 5 with one line: {@code criteria set <file>[, <where>]: <problem>} (control characters blanked, capped). */
    static PipelineException error(String source, String where, String problem) {
        String m = "criteria set " + source + (where == null ? "" : ", " + where) + ": " + problem;
        StringBuilder b = new StringBuilder(Math.min(m.length(), MAX_MESSAGE + 3));
        for (int i = 0; i < m.length() && b.length() < MAX_MESSAGE; i++) {
            char c = m.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        if (m.length() > MAX_MESSAGE) {
            b.append("...");
        }
        return new PipelineException(ExitCode.BAD_CONFIGURATION, b.toString());
    }
}
