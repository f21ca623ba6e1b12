package vn.reformindex.publish;

import java.util.List;
import java.util.Map;

/**
 * What the committee's report shows for one period, already in Vietnamese and formatted (the templates only
 * place it): every figure is read from a published table, none is computed here.
 */
public final class ReportModel {
    private ReportModel() {
    }

    /** The whole report of one period. */
    public record Page(String title, String period, String periodVietnamese, String asOf, String dataCutOff,
                       String criteriaSet, String criteriaSetVersion, List<String> runPeriods,
                       List<Overview> overview, List<PeerGroup> peerGroups, Processing processing,
                       List<Scorecard> scorecards, Quality quality, Map<String, Map<String, String>> headers) {
    }

    /** A unit named with its figure, e.g. a best or weakest unit with its total. */
    public record Named(String unitCode, String unitName, String text, String anchor) {
    }

    /** A tier and how many ranked units of a peer group are in it. */
    public record TierCount(String tier, String cssClass, long units) {
    }

    /** One line of the overview: a peer group at a glance. */
    public record Overview(String peerGroup, String anchor, long rankedUnits, long listedUnits, List<TierCount> tiers,
                           List<Named> best, List<Named> weakest, List<Named> movedMost, String movedNote) {
    }

    /** A line of a peer group's ranking table. */
    public record RankRow(boolean ranked, String rank, String rankedUnits, String unitCode, String unitName, String anchor,
                          String tier, String tierClass, String total, String availableMax, List<String> groupPoints,
                          String previousYearPeriod, String previousYearTotal, String previousYearRank,
                          String changeTotal, String changeRank, String changeClass, String note) {
    }

    /** A peer group: its ranking table and charts. */
    public record PeerGroup(String code, String name, String anchor, List<String> groupHeaders, List<RankRow> rows,
                            String totalsChart, String groupsChart) {
    }

    /** A line of the processing summary as provinces publish it. */
    public record ProcessingRow(String unitCode, String unitName, boolean total, String received, String resolved,
                                String early, String earlyPct, String onTime, String onTimePct, String late, String latePct,
                                String openOverdue, String rated, String verySatisfiedPct, String satisfiedPct,
                                String unsatisfiedPct) {
    }

    public record Processing(List<ProcessingRow> rows, String timelinessChart) {
    }

    /** A group of a unit's scorecard. */
    public record GroupLine(String code, String name, String points, String availableMax, String maxPoints, String lost) {
    }

    /** A criterion of a unit's scorecard. */
    public record CriterionLine(String code, String name, String numerator, String denominator, String ratio, String target,
                                String points, String maxPoints, String lost, String status, String reason,
                                String criterionRank, boolean finding) {
    }

    /** A finding of a unit. */
    public record Finding(String rank, String criterion, String text, String lost) {
    }

    /** A unit's place in one period of the run. */
    public record History(String period, String rank, String total, String tier, boolean current) {
    }

    /** One unit's scorecard page. */
    public record Scorecard(String unitCode, String unitName, String anchor, String peerGroup, String rank, String total,
                            String tier, String tierClass, String totalNote, String groupsChart, List<GroupLine> groups,
                            List<CriterionLine> criteria, List<Finding> findings, String openOverdue, String resolvedLate,
                            List<History> history) {
    }

    /** A line of the reconciliation of records per file and unit. */
    public record ReconciliationRow(String file, String unitCode, String read, String accepted, String quarantined,
                                    String superseded, String balanced, boolean ok) {
    }

    /** Rejected records of a reason in a file. */
    public record Rejected(String reason, String file, String records) {
    }

    public record Quality(List<ReconciliationRow> reconciliation, List<Rejected> rejected, String quarantinedTotal) {
    }
}
