package vn.reformindex.publish;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.ScoreStatus;
import vn.reformindex.period.Period;
import vn.reformindex.publish.ReportModel.CriterionLine;
import vn.reformindex.publish.ReportModel.Finding;
import vn.reformindex.publish.ReportModel.GroupLine;
import vn.reformindex.publish.ReportModel.History;
import vn.reformindex.publish.ReportModel.Named;
import vn.reformindex.publish.ReportModel.Overview;
import vn.reformindex.publish.ReportModel.PeerGroup;
import vn.reformindex.publish.ReportModel.RankRow;
import vn.reformindex.publish.ReportModel.Scorecard;
import vn.reformindex.publish.ReportModel.TierCount;
import vn.reformindex.report.CsvReportWriter;
import vn.reformindex.report.Report;
import vn.reformindex.summary.OverdueDossiers;
import vn.reformindex.table.ColumnDecl;
import vn.reformindex.table.Format;
import vn.reformindex.table.TableDecl;
import vn.reformindex.table.Tables;

/**
 * Reads one period's report from the published tables: rankings, scorecards, findings, processing summary,
 * overdue dossiers, reconciliation and quarantine. These are per-unit tables (tens to thousands of rows), so
 * their rows of the period are brought to the driver; the only aggregates are counts of listed rows (overdue
 * dossiers per unit, rejected records per reason and file). Labels and formats come from the declarations.
 */
public final class ReportData {
    /** Peer groups in the order the committee reads them (the registry's codes); another group comes after, by name. */
    private static final List<String> PEER_GROUP_ORDER = List.of("TINH", "SO", "HUYEN", "XA");
    /** How many units the overview names as best, weakest and moved most (all of them when tied). */
    static final int NAMED = 1;

    private final Function<TableDecl, Dataset<Row>> tables;
    private final CriteriaSet set;

    /**
     * @param tables a published table by declaration (every period of a period-keyed table), or null when the
     *               output has none
     * @param set    the criteria set, for its tier bands; null (or another set than the rankings') draws none
     */
    public ReportData(Function<TableDecl, Dataset<Row>> tables, CriteriaSet set) {
        this.tables = tables;
        this.set = set;
    }

    /** The report of {@code period}; {@code runPeriods} are the periods whose ranks the scorecards' history shows. */
    public ReportModel.Page page(String period, List<String> runPeriods, String dataCutOff) {
        List<Map<String, Object>> rankings = rows(tables.apply(Tables.RANKINGS), col("period").isin(runPeriods.toArray())
                .or(col("period").equalTo(period)));
        List<Map<String, Object>> current = new ArrayList<>();
        for (Map<String, Object> r : rankings) {
            if (period.equals(r.get("period")) && !ScoreStatus.NOT_APPLICABLE.equals(r.get("status"))) {
                current.add(r);
            }
        }
        current.sort(Comparator.comparing((Map<String, Object> r) -> peerGroupOrder((String) r.get("peer_group")))
                .thenComparing(r -> (Integer) r.get("rank"), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> (String) r.get("unit_code")));
        Map<String, Object> first = current.isEmpty() ? Map.of() : current.get(0);
        String setId = (String) first.get("criteria_set_id");
        boolean setMatches = set != null && set.contentHash.equals(first.get("criteria_set_hash"));
        List<CriteriaSet.Tier> tiers = setMatches ? set.tiers : List.of();

        List<Map<String, Object>> cards = rows(tables.apply(Tables.SCORECARDS), col("period").equalTo(period));
        cards.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("unit_code"))
                .thenComparing(r -> (Integer) r.get("criterion_order")));
        Map<String, List<Map<String, Object>>> cardsByUnit = byUnit(cards);
        List<String> groupCodes = new ArrayList<>();
        Map<String, String> groupNames = new LinkedHashMap<>();
        for (Map<String, Object> c : cards) {
            String g = (String) c.get("group_code");
            if (!groupNames.containsKey(g)) {
                groupCodes.add(g);
                groupNames.put(g, (String) c.get("group_name"));
            }
        }
        List<Map<String, Object>> findings = rows(tables.apply(Tables.FINDINGS), col("period").equalTo(period));
        findings.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("unit_code"))
                .thenComparing(r -> (Integer) r.get("finding_rank")));
        Map<String, List<Map<String, Object>>> findingsByUnit = byUnit(findings);
        Map<String, Map<String, Long>> overdue = overdueCounts(period);

        Map<String, List<Map<String, Object>>> byGroup = new LinkedHashMap<>();
        for (Map<String, Object> r : current) {
            byGroup.computeIfAbsent((String) r.get("peer_group"), k -> new ArrayList<>()).add(r);
        }
        List<Overview> overview = new ArrayList<>();
        List<PeerGroup> peerGroups = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : byGroup.entrySet()) {
            overview.add(overview(e.getKey(), e.getValue(), tiers));
            peerGroups.add(peerGroup(e.getKey(), e.getValue(), groupCodes, groupNames, cardsByUnit, tiers, first));
        }
        List<Scorecard> scorecards = new ArrayList<>();
        // Each unit's history by its code once: searching all rankings per unit was quadratic (minutes at 13,000 units).
        Map<String, List<Map<String, Object>>> rankingsByUnit = byUnit(rankings);
        for (Map<String, Object> r : current) {
            String unit = (String) r.get("unit_code");
            scorecards.add(scorecard(r, cardsByUnit.getOrDefault(unit, List.of()), findingsByUnit.getOrDefault(unit, List.of()),
                    overdue.getOrDefault(unit, Map.of()), rankingsByUnit.getOrDefault(unit, List.of()), runPeriods, tiers));
        }
        String periodVi = vietnamesePeriod(period);
        return new ReportModel.Page("Báo cáo kết quả chỉ số cải cách hành chính - " + periodVi, period, periodVi,
                date(first.get("as_of")), dataCutOff, setId == null ? "" : setId, text(first.get("criteria_set_version")),
                runPeriods.stream().map(ReportData::vietnamesePeriod).toList(), overview, peerGroups,
                ProcessingData.of(tables.apply(Tables.PROCESSING_SUMMARY), period), scorecards,
                QualityData.of(tables.apply(Tables.RECONCILIATION), tables.apply(Tables.QUARANTINE)), Headers.all());
    }

    // ---------------------------------------------------------------- overview and peer groups

    private Overview overview(String peerGroup, List<Map<String, Object>> rows, List<CriteriaSet.Tier> tiers) {
        List<Map<String, Object>> ranked = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("ranked"))).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CriteriaSet.Tier t : tiers) {
            counts.put(t.name, 0L);
        }
        for (Map<String, Object> r : ranked) {
            counts.merge(text(r.get("tier")), 1L, Long::sum);
        }
        List<TierCount> tierCounts = new ArrayList<>();
        counts.forEach((tier, n) -> tierCounts.add(new TierCount(tier, tierClass(tier, tiers), n)));
        List<Named> best = new ArrayList<>();
        List<Named> weakest = new ArrayList<>();
        Integer top = ranked.stream().map(r -> (Integer) r.get("rank")).min(Integer::compare).orElse(null);
        Integer bottom = ranked.stream().map(r -> (Integer) r.get("rank")).max(Integer::compare).orElse(null);
        for (Map<String, Object> r : ranked) {
            String figure = fmt(Tables.RANKINGS, "published_total", r.get("published_total")) + " điểm";
            if (r.get("rank").equals(top)) {
                best.add(named(r, figure));
            }
            if (r.get("rank").equals(bottom) && !bottom.equals(top)) {
                weakest.add(named(r, figure));
            }
        }
        // What moved most: the largest change of rank against the same period last year, then of total.
        List<Map<String, Object>> compared = ranked.stream().filter(r -> r.get("change_rank_vs_previous_year") != null
                || r.get("change_total_vs_previous_year") != null).toList();
        List<Named> moved = new ArrayList<>();
        String movedNote;
        if (compared.isEmpty()) {
            movedNote = "Không có đơn vị nào so sánh được với cùng kỳ năm trước";
        } else {
            Comparator<Map<String, Object>> size = Comparator
                    .comparing((Map<String, Object> r) -> Math.abs(r.get("change_rank_vs_previous_year") == null ? 0
                            : (Integer) r.get("change_rank_vs_previous_year")))
                    .thenComparing(r -> r.get("change_total_vs_previous_year") == null ? BigDecimal.ZERO
                            : ((BigDecimal) r.get("change_total_vs_previous_year")).abs());
            Map<String, Object> most = compared.stream().max(size).orElseThrow();
            for (Map<String, Object> r : compared) {
                if (size.compare(r, most) == 0) {
                    moved.add(named(r, change(r)));
                }
            }
            movedNote = compared.size() + "/" + ranked.size() + " đơn vị so sánh được với cùng kỳ năm trước";
        }
        return new Overview(peerGroupName(peerGroup), anchor("nhom", peerGroup), ranked.size(), rows.size(), tierCounts, best,
                weakest, moved, movedNote);
    }

    /** A change against the same period last year, e.g. {@code tăng 2 hạng, +0,74 điểm}. */
    private static String change(Map<String, Object> r) {
        List<String> parts = new ArrayList<>();
        Integer rank = (Integer) r.get("change_rank_vs_previous_year");
        if (rank != null) {
            parts.add(rank > 0 ? "tăng " + rank + " hạng" : rank < 0 ? "giảm " + (-rank) + " hạng" : "giữ nguyên hạng");
        }
        BigDecimal total = (BigDecimal) r.get("change_total_vs_previous_year");
        if (total != null) {
            parts.add(signed(total) + " điểm");
        }
        return String.join(", ", parts);
    }

    private static String signed(BigDecimal v) {
        String s = fmt(Tables.RANKINGS, "change_total_vs_previous_year", v);
        return v.signum() > 0 ? "+" + s : s;
    }

    private static Named named(Map<String, Object> r, String text) {
        return new Named((String) r.get("unit_code"), text(r.get("unit_name")), text, anchor("don-vi", (String) r.get("unit_code")));
    }

    private PeerGroup peerGroup(String code, List<Map<String, Object>> rows, List<String> groupCodes,
                                Map<String, String> groupNames, Map<String, List<Map<String, Object>>> cardsByUnit,
                                List<CriteriaSet.Tier> tiers, Map<String, Object> first) {
        List<RankRow> out = new ArrayList<>();
        List<SvgCharts.Bar> bars = new ArrayList<>();
        List<SvgCharts.Stack> stacks = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            boolean ranked = Boolean.TRUE.equals(r.get("ranked"));
            String unit = (String) r.get("unit_code");
            List<String> groups = new ArrayList<>();
            for (String g : groupCodes) {
                groups.add(ranked ? fmt(Tables.RANKINGS, "group_<code>_points", r.get("group_" + g + "_points")) : "");
            }
            Integer changeRank = (Integer) r.get("change_rank_vs_previous_year");
            BigDecimal changeTotal = (BigDecimal) r.get("change_total_vs_previous_year");
            String changeClass = changeRank != null && changeRank != 0 ? (changeRank > 0 ? "up" : "down")
                    : changeTotal != null && changeTotal.signum() != 0 ? (changeTotal.signum() > 0 ? "up" : "down") : "";
            String note = ranked ? vi(Tables.RANKINGS, "change_vs_previous_year_reason", r.get("change_vs_previous_year_reason"))
                    : vi(Tables.RANKINGS, "unranked_reason", r.get("unranked_reason"));
            String tier = ranked ? text(r.get("tier")) : "";
            out.add(new RankRow(ranked, ranked ? fmt(Tables.RANKINGS, "rank", r.get("rank")) : "",
                    ranked ? fmt(Tables.RANKINGS, "ranked_units", r.get("ranked_units")) : "", unit, text(r.get("unit_name")),
                    anchor("don-vi", unit), tier, tierClass(tier, tiers),
                    ranked ? fmt(Tables.RANKINGS, "published_total", r.get("published_total")) : "",
                    ranked ? fmt(Tables.RANKINGS, "available_max", r.get("available_max")) : "", groups,
                    vi(Tables.RANKINGS, "previous_year_period", r.get("previous_year_period")),
                    ranked ? fmt(Tables.RANKINGS, "previous_year_total", r.get("previous_year_total")) : "",
                    ranked ? fmt(Tables.RANKINGS, "previous_year_rank", r.get("previous_year_rank")) : "",
                    ranked && changeTotal != null ? signed(changeTotal) : "",
                    ranked && changeRank != null ? (changeRank > 0 ? "▲ " + changeRank : changeRank < 0 ? "▼ " + (-changeRank) : "=")
                            : "",
                    ranked ? changeClass : "", note));
            BigDecimal total = ranked ? (BigDecimal) r.get("published_total") : null;
            bars.add(new SvgCharts.Bar(text(r.get("unit_name")), total,
                    ranked ? fmt(Tables.RANKINGS, "published_total", total) : vi(Tables.RANKINGS, "unranked_reason",
                            r.get("unranked_reason")), tierClass(tier, tiers)));
            if (ranked) {
                stacks.add(new SvgCharts.Stack(text(r.get("unit_name")), segments(cardsByUnit.getOrDefault(unit, List.of()))));
            }
        }
        BigDecimal scaleMax = (BigDecimal) first.getOrDefault("declared_total", BigDecimal.valueOf(100));
        List<SvgCharts.Band> bands = new ArrayList<>();
        BigDecimal upper = scaleMax;
        for (CriteriaSet.Tier t : tiers) {
            if (t.from.compareTo(upper) < 0) {
                bands.add(new SvgCharts.Band(t.from.max(BigDecimal.ZERO), upper, t.name, "band-" + tierClass(t.name, tiers)));
            }
            upper = upper.min(t.from);
        }
        List<String> headers = new ArrayList<>();
        for (String g : groupCodes) {
            headers.add("Nhóm " + g + ": " + groupNames.get(g));
        }
        String name = peerGroupName(code);
        return new PeerGroup(code, name, anchor("nhom", code), headers, out,
                SvgCharts.totals("Tổng điểm - " + name, bars, scaleMax, bands),
                SvgCharts.groups("Điểm nhóm so với điểm tối đa - " + name, stacks));
    }

    /** A unit's groups as the scorecard has them: points out of the group's applicable maximum. */
    private static List<SvgCharts.Segment> segments(List<Map<String, Object>> card) {
        Map<String, SvgCharts.Segment> out = new LinkedHashMap<>();
        for (Map<String, Object> c : card) {
            String g = (String) c.get("group_code");
            out.putIfAbsent(g, new SvgCharts.Segment("Nhóm " + g + " " + c.get("group_name") + ": "
                    + fmt(Tables.SCORECARDS, "group_points", c.get("group_points")) + " / "
                    + fmt(Tables.SCORECARDS, "group_max_points", c.get("group_max_points")),
                    (BigDecimal) c.get("group_points"), (BigDecimal) c.get("group_max_points")));
        }
        return new ArrayList<>(out.values());
    }

    // ---------------------------------------------------------------- scorecards

    private Scorecard scorecard(Map<String, Object> r, List<Map<String, Object>> card, List<Map<String, Object>> findings,
                                Map<String, Long> overdue, List<Map<String, Object>> unitRankings, List<String> runPeriods,
                                List<CriteriaSet.Tier> tiers) {
        String unit = (String) r.get("unit_code");
        boolean ranked = Boolean.TRUE.equals(r.get("ranked"));
        List<GroupLine> groups = new ArrayList<>();
        List<CriterionLine> criteria = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Map<String, Object> c : card) {
            String g = (String) c.get("group_code");
            if (seen.putIfAbsent(g, true) == null) {
                groups.add(new GroupLine(g, text(c.get("group_name")), fmt(Tables.SCORECARDS, "group_points", c.get("group_points")),
                        fmt(Tables.SCORECARDS, "group_available_max", c.get("group_available_max")),
                        fmt(Tables.SCORECARDS, "group_max_points", c.get("group_max_points")),
                        fmt(Tables.SCORECARDS, "group_points_lost", c.get("group_points_lost"))));
            }
            String rank = c.get("criterion_rank") == null ? "" : fmt(Tables.SCORECARDS, "criterion_rank", c.get("criterion_rank"))
                    + "/" + fmt(Tables.SCORECARDS, "criterion_ranked_units", c.get("criterion_ranked_units"));
            criteria.add(new CriterionLine(text(c.get("criterion_code")), text(c.get("criterion_name")),
                    fmt(Tables.SCORECARDS, "numerator", c.get("numerator")), fmt(Tables.SCORECARDS, "denominator", c.get("denominator")),
                    fmt(Tables.SCORECARDS, "ratio", c.get("ratio")), fmt(Tables.SCORECARDS, "target", c.get("target")),
                    fmt(Tables.SCORECARDS, "points", c.get("points")), fmt(Tables.SCORECARDS, "max_points", c.get("max_points")),
                    fmt(Tables.SCORECARDS, "points_lost", c.get("points_lost")), vi(Tables.SCORECARDS, "status", c.get("status")),
                    vi(Tables.SCORECARDS, "no_points_reason", c.get("no_points_reason")), rank, Boolean.TRUE.equals(c.get("finding"))));
        }
        List<Finding> found = new ArrayList<>();
        for (Map<String, Object> f : findings) {
            found.add(new Finding(fmt(Tables.FINDINGS, "finding_rank", f.get("finding_rank")),
                    f.get("criterion_code") + " " + f.get("criterion_name"), text(f.get("finding_text")),
                    fmt(Tables.FINDINGS, "points_lost", f.get("points_lost"))));
        }
        List<History> history = new ArrayList<>();
        List<Map<String, Object>> mine = new ArrayList<>(unitRankings);
        mine.sort(Comparator.comparing((Map<String, Object> h) -> (java.time.LocalDate) h.get("period_start"))
                .thenComparing(h -> (java.time.LocalDate) h.get("period_end"), Comparator.reverseOrder()));
        for (Map<String, Object> h : mine) {
            boolean hr = Boolean.TRUE.equals(h.get("ranked"));
            history.add(new History(vietnamesePeriod((String) h.get("period")),
                    hr ? fmt(Tables.RANKINGS, "rank", h.get("rank")) + "/" + fmt(Tables.RANKINGS, "ranked_units", h.get("ranked_units"))
                            : vi(Tables.RANKINGS, "unranked_reason", h.get("unranked_reason")),
                    hr ? fmt(Tables.RANKINGS, "published_total", h.get("published_total")) : "", hr ? text(h.get("tier")) : "",
                    h.get("period").equals(r.get("period"))));
        }
        String tier = ranked ? text(r.get("tier")) : "";
        String groupsChart = SvgCharts.groups("Điểm nhóm so với điểm tối đa - " + r.get("unit_name"),
                List.of(new SvgCharts.Stack(text(r.get("unit_name")), segments(card))));
        String totalNote = card.isEmpty() ? "" : text(card.get(0).get("total_note"));
        return new Scorecard(unit, text(r.get("unit_name")), anchor("don-vi", unit), peerGroupName((String) r.get("peer_group")),
                ranked ? fmt(Tables.RANKINGS, "rank", r.get("rank")) + "/" + fmt(Tables.RANKINGS, "ranked_units", r.get("ranked_units"))
                        : vi(Tables.RANKINGS, "unranked_reason", r.get("unranked_reason")),
                ranked ? fmt(Tables.RANKINGS, "published_total", r.get("published_total")) : "", tier, tierClass(tier, tiers),
                totalNote, groupsChart, groups, criteria, found,
                count(overdue.getOrDefault(OverdueDossiers.OPEN_OVERDUE, 0L)),
                count(overdue.getOrDefault(OverdueDossiers.RESOLVED_LATE, 0L)), history);
    }

    /** unit -> kind -> dossiers listed in overdue_dossiers for the period (a count of listed rows). */
    private Map<String, Map<String, Long>> overdueCounts(String period) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        Dataset<Row> t = tables.apply(Tables.OVERDUE_DOSSIERS);
        if (t == null) {
            return out;
        }
        for (Row r : t.filter(col("period").equalTo(period)).groupBy("unit_code", "kind").count().collectAsList()) {
            out.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** The rows of a (small, filtered) table as maps by column name; none when the table is absent. */
    static List<Map<String, Object>> rows(Dataset<Row> t, org.apache.spark.sql.Column filter) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        StructField[] fields = t.schema().fields();
        for (Row r : t.filter(filter).collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                m.put(fields[i].name(), r.isNullAt(i) ? null : r.get(i));
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, List<Map<String, Object>>> byUnit(List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            out.computeIfAbsent((String) r.get("unit_code"), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** A value as the Vietnamese copies print it, by its column's declared format (codes by their labels). */
    static String vi(TableDecl table, String column, Object value) {
        ColumnDecl c = table.column(column);
        String s = CsvReportWriter.vietnamese(value, new Report.Column(column, c.vietnamese(), c.format(), c.valueLabels()));
        return s == null ? "" : s;
    }

    static String fmt(TableDecl table, String column, Object value) {
        return vi(table, column, value);
    }

    /** A count: {@code 47.540}. */
    static String count(long n) {
        return CsvReportWriter.format(n, Format.INTEGER, true);
    }

    static String date(Object value) {
        return CsvReportWriter.format(value, Format.DATE, true);
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String vietnamesePeriod(String label) {
        try {
            return Period.parse(label).vietnamese();
        } catch (IllegalArgumentException e) {
            return label;
        }
    }

    static String peerGroupName(String code) {
        return code == null ? "Không thuộc nhóm xếp hạng" : Tables.RANKINGS.column("peer_group").vietnameseValue(code);
    }

    private static int peerGroupOrder(String code) {
        int i = code == null ? -1 : PEER_GROUP_ORDER.indexOf(code);
        return i >= 0 ? i : code == null ? Integer.MAX_VALUE : PEER_GROUP_ORDER.size();
    }

    /** The CSS class of a tier: {@code tier-1} for the set's highest tier, and so on; {@code tier-0} when unknown. */
    static String tierClass(String tier, List<CriteriaSet.Tier> tiers) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).name.equals(tier)) {
                return "tier-" + (i + 1);
            }
        }
        return "tier-0";
    }

    /** An HTML id from a prefix and a code: letters, digits and hyphens only. */
    static String anchor(String prefix, String code) {
        return prefix + "-" + (code == null ? "khac" : code.replaceAll("[^A-Za-z0-9]", "-"));
    }
}
