package vn.reformindex.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * Derives the contract's flat fields from the sync payload's nested lists (input-format.md 1b). A flat
 * field given in the object wins over its list; a list that is absent (or null) leaves the field unknown.
 * A list that is not a list, an element that is not an object, or a value inside that is not a value of
 * its kind (a flag that is not a number, a fee that is not whole VND, a link that is not text) makes the
 * derived field {@link Values#INVALID} (INVALID_VALUE); a supplement date that does not parse is reported
 * as INVALID_DATE.
 */
final class JsonLists {
    private JsonLists() {
    }

    /** Fills absent flat values from the lists; returns true when a supplement date does not parse. */
    static boolean derive(ObjectNode obj, String[] values, int[] index) {
        boolean invalidDate = false;
        JsonNode docs = obj.get("TaiLieuNop");
        if (present(docs)) {
            setIfAbsent(values, index, DossierField.HO_SO_CO_THANH_PHAN_SO_HOA, any(docs, "DuocSoHoa", 1, false));
            setIfAbsent(values, index, DossierField.CO_TAI_SU_DUNG_DU_LIEU, any(docs, "DuocTaiSuDung", 1, true));
            setIfAbsent(values, index, DossierField.CO_LAY_TU_KHO_DMQG, any(docs, "DuocLayTuKhoDMQG", 1, false));
        }
        JsonNode results = obj.get("DanhSachGiayToKetQua");
        if (present(results)) {
            String electronic = "0";
            if (!wellFormed(results)) {
                electronic = Values.INVALID;
            } else {
                for (JsonNode r : results) {
                    String link = JsonRecords.scalar(r.get("DuongDanTepTinKetQua"));
                    if (Values.INVALID.equals(link)) {
                        electronic = Values.INVALID;
                        break;
                    }
                    if (!Values.blank(link)) {
                        electronic = "1";
                    }
                }
            }
            setIfAbsent(values, index, DossierField.CO_KET_QUA_DIEN_TU, electronic);
        }
        JsonNode fees = obj.get("DanhSachLePhi");
        if (present(fees)) {
            String total;
            if (!wellFormed(fees)) {
                total = Values.INVALID;
            } else {
                BigDecimal sum = BigDecimal.ZERO;
                boolean bad = false;
                for (JsonNode fee : fees) {
                    String gia = JsonRecords.scalar(fee.get("Gia"));
                    if (gia == null) { // an empty text is not a fee: INVALID_VALUE as before
                        continue;
                    }
                    BigDecimal v = Values.money(gia);
                    if (v == null) {
                        bad = true;
                    } else {
                        sum = sum.add(v);
                    }
                }
                total = bad ? Values.INVALID : sum.toPlainString();
            }
            setIfAbsent(values, index, DossierField.TONG_PHI_LE_PHI, total);
        }
        JsonNode rounds = obj.get("DanhSachHoSoBoSung");
        if (present(rounds)) {
            if (!wellFormed(rounds)) {
                setIfAbsent(values, index, DossierField.SO_LAN_BO_SUNG, Values.INVALID);
                setIfAbsent(values, index, DossierField.GIO_CHO_BO_SUNG, Values.INVALID);
                return invalidDate;
            }
            setIfAbsent(values, index, DossierField.SO_LAN_BO_SUNG, String.valueOf(rounds.size()));
            BigDecimal hours = BigDecimal.ZERO;
            for (JsonNode r : rounds) {
                String from = JsonRecords.scalar(r.get("NgayBoSung"));
                String to = JsonRecords.scalar(r.get("NgayTiepNhanBoSung"));
                LocalDateTime f = dateOf(from);
                LocalDateTime t = dateOf(to);
                if ((!Values.blank(from) && f == null) || (!Values.blank(to) && t == null)) {
                    invalidDate = true;
                } else if (f != null && t != null) {
                    hours = hours.add(RecordReader.hoursBetween(f, t)); // a round still pending adds nothing
                }
            }
            setIfAbsent(values, index, DossierField.GIO_CHO_BO_SUNG, hours.toPlainString());
        }
        return invalidDate;
    }

    /** A nested date as the reader reads a top-level one (a control character makes it invalid). */
    private static LocalDateTime dateOf(String v) {
        return v == null || Values.hasForbiddenChar(v) ? null : DateTimes.parse(v);
    }

    private static boolean present(JsonNode list) {
        return list != null && !list.isNull();
    }

    /** A list whose elements are all objects. */
    private static boolean wellFormed(JsonNode list) {
        if (!list.isArray()) {
            return false;
        }
        for (JsonNode e : list) {
            if (!e.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static String any(JsonNode list, String field, int atLeast, boolean orMore) {
        if (!wellFormed(list)) {
            return Values.INVALID;
        }
        boolean known = false;
        boolean found = false;
        for (JsonNode d : list) {
            String v = JsonRecords.scalar(d.get(field));
            if (v == null) {
                continue;
            }
            known = true;
            if (Values.blank(v)) {
                continue; // known, and not set
            }
            BigDecimal n = Values.hasForbiddenChar(v) ? null : Values.decimal(v.trim());
            if (n == null) {
                return Values.INVALID;
            }
            if (orMore ? n.compareTo(BigDecimal.valueOf(atLeast)) >= 0 : n.compareTo(BigDecimal.valueOf(atLeast)) == 0) {
                found = true;
            }
        }
        return found ? "1" : known ? "0" : null;
    }

    private static void setIfAbsent(String[] values, int[] index, DossierField f, String v) {
        int i = index[f.ordinal()];
        if (values[i] == null && v != null) {
            values[i] = v;
        }
    }
}
