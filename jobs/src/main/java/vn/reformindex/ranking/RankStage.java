package vn.reformindex.ranking;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.reformindex.criteria.CriteriaSet;
import vn.reformindex.criteria.CriteriaSetLoader;
import vn.reformindex.pipeline.Stage;
import vn.reformindex.pipeline.StageContext;
import vn.reformindex.pipeline.StageOutput;
import vn.reformindex.report.Report;
import vn.reformindex.report.Report.Format;
import vn.reformindex.scoring.Totals;

/**
 * The rank stage: index_scores, group_scores and comparison_ranks in; rankings out, with
 * reports/rankings.csv and rankings.vi.csv (one row per unit and period).
 */
public final class RankStage implements Stage {
    @Override
    public String name() {
        return "rank";
    }

    @Override
    public List<String> inputs() {
        return List.of(Totals.INDEX_TABLE, Totals.GROUP_TABLE, Rankings.COMPARISONS);
    }

    @Override
    public StageOutput run(StageContext ctx, Map<String, Dataset<Row>> inputs) {
        CriteriaSet set = CriteriaSetLoader.load(ctx.storage, ctx.config.criteriaSet());
        List<String> labels = new ArrayList<>();
        ctx.periods.forEach(w -> labels.add(w.label()));
        Dataset<Row> index = inputs.get(Totals.INDEX_TABLE).filter(col("period").isin(labels.toArray()))
                .filter(col("criteria_set_hash").equalTo(set.contentHash));
        Dataset<Row> rankings = Rankings.withChanges(Rankings.rank(set, index),
                inputs.get(Rankings.COMPARISONS).filter(col("period").isin(labels.toArray()))
                        .filter(col("criteria_set_hash").equalTo(set.contentHash)).drop("criteria_set_hash"));
        List<String> groupCodes = new ArrayList<>();
        set.groups.forEach(g -> groupCodes.add(g.code));
        Dataset<Row> groupPoints = inputs.get(Totals.GROUP_TABLE).filter(col("period").isin(labels.toArray()))
                .filter(col("criteria_set_hash").equalTo(set.contentHash))
                .groupBy("unit_code", "period").pivot("group_code", new ArrayList<>(groupCodes)).agg(first("points"));
        for (String g : groupCodes) {
            groupPoints = groupPoints.withColumnRenamed(g, "group_" + g + "_points");
        }
        Dataset<Row> table = rankings.join(groupPoints, vn.reformindex.spark.Names.seq("unit_code", "period"), "left");
        return new StageOutput()
                .table(Rankings.TABLE, table)
                .report(report(set));
    }

    static Report report(CriteriaSet set) {
        List<Report.Column> cols = new ArrayList<>();
        cols.add(new Report.Column("period", "Kỳ", Format.TEXT));
        cols.add(new Report.Column("as_of", "Số liệu tính đến ngày", Format.DATE));
        cols.add(new Report.Column("peer_group", "Nhóm xếp hạng", Format.TEXT));
        cols.add(new Report.Column("rank", "Xếp hạng", Format.INTEGER));
        cols.add(new Report.Column("ranked_units", "Trên tổng số", Format.INTEGER));
        cols.add(new Report.Column("unit_code", "Mã đơn vị", Format.TEXT));
        cols.add(new Report.Column("unit_name", "Tên đơn vị", Format.TEXT));
        cols.add(new Report.Column("tier", "Xếp loại", Format.TEXT));
        cols.add(new Report.Column("published_total", "Tổng điểm", Format.POINTS_2));
        cols.add(new Report.Column("available_max", "Điểm tối đa có dữ liệu", Format.POINTS_2));
        cols.add(new Report.Column("unranked_reason", "Lý do không xếp hạng", Format.TEXT));
        for (CriteriaSet.Group g : set.groups) {
            cols.add(new Report.Column("group_" + g.code + "_points", "Điểm nhóm " + g.code + ": " + g.name, Format.POINTS_2));
        }
        cols.add(new Report.Column("previous_year_period", "Cùng kỳ năm trước", Format.TEXT));
        cols.add(new Report.Column("change_total_vs_previous_year", "Tăng/giảm điểm so với cùng kỳ", Format.POINTS_2));
        cols.add(new Report.Column("change_rank_vs_previous_year", "Tăng/giảm hạng so với cùng kỳ", Format.INTEGER));
        cols.add(new Report.Column("change_vs_previous_year_reason", "Ghi chú so sánh cùng kỳ", Format.TEXT));
        cols.add(new Report.Column("preceding_period", "Kỳ trước", Format.TEXT));
        cols.add(new Report.Column("change_total_vs_preceding", "Tăng/giảm điểm so với kỳ trước", Format.POINTS_2));
        cols.add(new Report.Column("change_rank_vs_preceding", "Tăng/giảm hạng so với kỳ trước", Format.INTEGER));
        cols.add(new Report.Column("change_vs_preceding_reason", "Ghi chú so sánh kỳ trước", Format.TEXT));
        cols.add(new Report.Column("criteria_set_id", "Bộ chỉ số", Format.TEXT));
        cols.add(new Report.Column("criteria_set_version", "Phiên bản", Format.TEXT));
        return Report.ofTable("rankings.csv", Rankings.TABLE, t -> t.filter(col("criteria_set_hash").equalTo(set.contentHash))
                .orderBy(col("period"), col("peer_group"), col("rank").asc_nulls_last(), col("unit_code")), cols, true);
    }
}
