package vn.reformindex.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Derives the contract's flat fields from the sync payload's nested lists (input-format.md 1b). A flat
 * field given in the object wins over its list; a list that is absent leaves the field unknown.
 */
final class JsonLists {
    private JsonLists() {
    }

    /** Fills absent flat values from the lists; returns true when a supplement date does not parse. */
    static boolean derive(ObjectNode obj, String[] values, int[] index) {
        boolean invalidDate = false;
        JsonNode docs = obj.get("TaiLieuNop");
        if (docs != null && docs.isArray()) {
            setIfAbsent(values, index, DossierField.HO_SO_CO_THANH_PHAN_SO_HOA, any(docs, "DuocSoHoa", 1, false));
            setIfAbsent(values, index, DossierField.CO_TAI_SU_DUNG_DU_LIEU, any(docs, "DuocTaiSuDung", 1, true));
            setIfAbsent(values, index, DossierField.CO_LAY_TU_KHO_DMQG, any(docs, "DuocLayTuKhoDMQG", 1, false));
        }
        JsonNode results = obj.get("DanhSachGiayToKetQua");
        if (results != null && results.isArray()) {
            boolean any = false;
            for (JsonNode r : results) {
                JsonNode link = r.get("DuongDanTepTinKetQua");
                if (link != null && !link.isNull() && !link.asText().isBlank()) {
                    any = true;
                }
            }
            setIfAbsent(values, index, DossierField.CO_KET_QUA_DIEN_TU, any ? "1" : "0");
        }
        JsonNode fees = obj.get("DanhSachLePhi");
        if (fees != null && fees.isArray()) {
            BigDecimal sum = BigDecimal.ZERO;
            String bad = null;
            for (JsonNode fee : fees) {
                JsonNode gia = fee.get("Gia");
                if (gia == null || gia.isNull()) {
                    continue;
                }
                BigDecimal v = Values.money(RecordReader.scalar(gia));
                if (v == null) {
                    bad = RecordReader.scalar(gia);
                } else {
                    sum = sum.add(v);
                }
            }
            setIfAbsent(values, index, DossierField.TONG_PHI_LE_PHI, bad != null ? bad : sum.toPlainString());
        }
        JsonNode rounds = obj.get("DanhSachHoSoBoSung");
        if (rounds != null && rounds.isArray()) {
            setIfAbsent(values, index, DossierField.SO_LAN_BO_SUNG, String.valueOf(rounds.size()));
            BigDecimal hours = BigDecimal.ZERO;
            for (JsonNode r : rounds) {
                String from = RecordReader.scalar(r.get("NgayBoSung"));
                String to = RecordReader.scalar(r.get("NgayTiepNhanBoSung"));
                LocalDateTime f = DateTimes.parse(from);
                LocalDateTime t = DateTimes.parse(to);
                if ((from != null && !from.isBlank() && f == null) || (to != null && !to.isBlank() && t == null)) {
                    invalidDate = true;
                } else if (f != null && t != null) {
                    hours = hours.add(RecordReader.hoursBetween(f, t)); // a round still pending adds nothing
                }
            }
            setIfAbsent(values, index, DossierField.GIO_CHO_BO_SUNG, hours.toPlainString());
        }
        return invalidDate;
    }

    private static String any(JsonNode list, String field, int atLeast, boolean orMore) {
        boolean known = false;
        for (JsonNode d : list) {
            JsonNode v = d.get(field);
            if (v == null || v.isNull()) {
                continue;
            }
            known = true;
            BigDecimal n = Values.decimal(RecordReader.scalar(v));
            if (n != null && (orMore ? n.compareTo(BigDecimal.valueOf(atLeast)) >= 0 : n.compareTo(BigDecimal.valueOf(atLeast)) == 0)) {
                return "1";
            }
        }
        return known ? "0" : null;
    }

    private static void setIfAbsent(String[] values, int[] index, DossierField f, String v) {
        int i = index[f.ordinal()];
        if (values[i] == null && v != null) {
            values[i] = v;
        }
    }
}
