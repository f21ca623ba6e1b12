package vn.reformindex.table;

/**
 * Vietnamese labels of the codes that tables hold ({@code value, label, ...}), shared by the columns that
 * hold them, so that every report and notebook says the same thing for the same code.
 */
final class Vocab {
    private Vocab() {
    }

    static final String[] UNIT_LEVEL = {"TINH", "Cấp tỉnh", "SO", "Sở, ban, ngành", "HUYEN", "Cấp huyện", "XA", "Cấp xã"};
    /** Peer groups (NhomXepHang) as the registry names them; another group keeps its own name. */
    static final String[] PEER_GROUP = {"TINH", "Tỉnh", "SO", "Các sở, ban, ngành", "HUYEN", "Các huyện, thị xã, thành phố",
            "XA", "Các xã, phường, thị trấn"};
    static final String[] PERIOD_KIND = {"year", "Năm", "quarter", "Quý", "month", "Tháng", "range", "Khoảng thời gian"};
    static final String[] SCOPE = {"self", "Riêng đơn vị", "subtree", "Đơn vị và các đơn vị trực thuộc"};
    static final String[] END_KIND = {"resolved", "Đã giải quyết", "withdrawn", "Công dân rút hồ sơ", "stopped", "Dừng xử lý",
            "refused_at_intake", "Từ chối tiếp nhận"};
    static final String[] TIMELINESS = {"early", "Trước hạn", "on_time", "Đúng hạn", "late", "Trễ hạn",
            "unknown", "Không xác định hạn"};
    static final String[] TIME_LIMIT_UNIT = {"WORKING_DAYS", "Ngày làm việc", "DAYS", "Ngày", "HOURS", "Giờ làm việc"};
    static final String[] OVERDUE_KIND = {"open_overdue", "Đang giải quyết quá hạn", "resolved_late", "Đã giải quyết trễ hạn"};
    static final String[] BREAKDOWN = {"procedure", "Theo thủ tục hành chính", "field", "Theo lĩnh vực"};
    static final String[] SOURCE = {"dossiers", "Hồ sơ", "catalogue", "Danh mục thủ tục", "manual", "Chấm điểm thủ công"};
    static final String[] CRITERION_STATUS = {"scored", "Đã tính điểm", "insufficient_data", "Không đủ dữ liệu",
            "not_applicable", "Không áp dụng", "manual", "Điểm chấm thủ công", "missing", "Thiếu điểm chấm thủ công"};
    static final String[] INDEX_STATUS = {"scored", "Đã tính điểm", "no_data", "Không có dữ liệu",
            "insufficient_data", "Không đủ dữ liệu", "not_applicable", "Không áp dụng"};
    static final String[] UNRANKED_REASON = {"no_data", "Không có dữ liệu", "insufficient_data", "Không đủ dữ liệu",
            "not_applicable", "Không áp dụng", "no_peer_group", "Không thuộc nhóm xếp hạng nào",
            "quality_gate", "Dữ liệu không đạt ngưỡng chất lượng của bộ chỉ số"};
    /** Whether a unit's rank interval overlaps a neighbour's (rank_intervals, rankings). */
    static final String[] RANK_DISTINCTION = {"indistinguishable", "Không phân biệt được", "distinguishable", "Phân biệt được"};
    /** Why a unit is flagged by the set's data-quality gate. */
    static final String[] QUALITY_FLAG = {"rejected_share_high", "Tỷ lệ bản ghi bị loại vượt ngưỡng",
            "synced_share_low", "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG dưới ngưỡng",
            "rejected_share_high_synced_share_low", "Tỷ lệ bản ghi bị loại vượt ngưỡng và tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG dưới ngưỡng"};
    static final String[] BASIS = {"previous_year", "Cùng kỳ năm trước", "preceding_period", "Kỳ liền trước"};
    static final String[] CHANGE_REASON = {"merged_into_successor",
            "Đã sáp nhập: số liệu kỳ so sánh được cộng vào đơn vị kế thừa", "no_comparison", "Không có kỳ so sánh",
            "not_ranked", "Không được xếp hạng ở một trong hai kỳ"};

    /** Why a criterion of a scorecard has no points (scorecards.no_points_reason). */
    static final String[] NO_POINTS_REASON = {"no_denominator", "Không đủ dữ liệu: không có hồ sơ, thủ tục thuộc mẫu số trong kỳ",
            "below_min_denominator", "Không đủ dữ liệu: số hồ sơ thuộc mẫu số dưới mức tối thiểu",
            "flag_unknown", "Không đủ dữ liệu: hồ sơ không ghi nhận thông tin cần để tính",
            "multiplier_not_scored", "Không đủ dữ liệu: chỉ số dùng làm hệ số nhân chưa có điểm",
            "missing_manual_score", "Chưa có điểm chấm thủ công",
            "not_applicable_level", "Không áp dụng đối với cấp đơn vị"};
    /** The scoring rules of criteria sets (docs/criteria.md). */
    static final String[] SCORING_RULE = {"ratio", "Tỷ lệ nhân điểm tối đa", "target", "Đạt mục tiêu thì đủ điểm",
            "goalpost", "Thấp là tốt (theo ngưỡng)", "steps", "Theo bậc", "manual", "Chấm điểm thủ công"};

    static String[] of(Enum<?>[] codes, java.util.function.Function<Enum<?>, String> label) {
        String[] out = new String[codes.length * 2];
        for (int i = 0; i < codes.length; i++) {
            out[2 * i] = codes[i].name();
            out[2 * i + 1] = label.apply(codes[i]);
        }
        return out;
    }
}
