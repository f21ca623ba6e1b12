package vn.reformindex.criteria;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A criteria set as the committee wrote it (a versioned YAML file): groups, criteria, tiers and the rules
 * for totals and rankings. Loaded and validated by {@link CriteriaSetLoader} before any Spark job.
 */
public final class CriteriaSet implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a total does with criteria that have no points (insufficient data, missing). */
    public enum MissingRule { RESCALE, ZERO }

    public static final class Group implements Serializable {
        private static final long serialVersionUID = 1L;
        public final String code;
        public final String name;
        public final BigDecimal max;

        Group(String code, String name, BigDecimal max) {
            this.code = code;
            this.name = name;
            this.max = max;
        }
    }

    public static final class Tier implements Serializable {
        private static final long serialVersionUID = 1L;
        public final String name;
        /** Lowest published total (two decimals) of the tier. */
        public final BigDecimal from;

        Tier(String name, BigDecimal from) {
            this.name = name;
            this.from = from;
        }
    }

    public final String id;
    public final String version;
    public final String name;
    /** SHA-256 of the file's canonical content (UTF-8, NFC, LF line ends, no BOM). */
    public final String contentHash;
    public final String source;
    public final BigDecimal total;
    public final MissingRule missingRule;
    /** Rank units whose dossier criteria are all insufficient data or that have no dossiers. */
    public final boolean rankIncomplete;
    /** Unit level (CapDonVi) to catalogue level (CapThucHien) for catalogue criteria. */
    public final Map<String, String> catalogueLevels;
    public final List<Group> groups;
    public final List<Criterion> criteria;
    /** Highest first. */
    public final List<Tier> tiers;
    /** The findings' sentences ({@code finding_text}) and how many a unit gets ({@code findings_per_unit}). */
    public final FindingTemplate.Rules findings;
    /** How the rank intervals are drawn ({@code uncertainty}). */
    public final Uncertainty uncertainty;
    /** The data-quality gate ({@code quality_gate}); {@link QualityGate#NONE} when the set has none. */
    public final QualityGate qualityGate;

    CriteriaSet(String id, String version, String name, String contentHash, String source, BigDecimal total,
                MissingRule missingRule, boolean rankIncomplete, Map<String, String> catalogueLevels,
                List<Group> groups, List<Criterion> criteria, List<Tier> tiers, FindingTemplate.Rules findings,
                Uncertainty uncertainty, QualityGate qualityGate) {
        this.id = id;
        this.version = version;
        this.name = name;
        this.contentHash = contentHash;
        this.source = source;
        this.total = total;
        this.missingRule = missingRule;
        this.rankIncomplete = rankIncomplete;
        this.catalogueLevels = Map.copyOf(catalogueLevels);
        this.groups = List.copyOf(groups);
        this.criteria = List.copyOf(criteria);
        this.tiers = List.copyOf(tiers);
        this.findings = findings;
        this.uncertainty = uncertainty;
        this.qualityGate = qualityGate;
    }

    /** The same set with other interval settings (the command line's {@code --draws}, {@code --no-uncertainty}); same hash. */
    public CriteriaSet withUncertainty(Uncertainty u) {
        return new CriteriaSet(id, version, name, contentHash, source, total, missingRule, rankIncomplete, catalogueLevels,
                groups, criteria, tiers, findings, u, qualityGate);
    }

    /** The group of a code, or null. */
    public Group group(String code) {
        for (Group g : groups) {
            if (g.code.equals(code)) {
                return g;
            }
        }
        return null;
    }

    public Criterion criterion(String code) {
        for (Criterion c : criteria) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }

    /** The tier of a published total, or null below the lowest. */
    public String tierOf(BigDecimal publishedTotal) {
        if (publishedTotal == null) {
            return null;
        }
        for (Tier t : tiers) {
            if (publishedTotal.compareTo(t.from) >= 0) {
                return t.name;
            }
        }
        return null;
    }
}
