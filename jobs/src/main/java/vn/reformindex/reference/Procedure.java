package vn.reformindex.reference;

import java.io.Serializable;
import java.math.BigDecimal;

/** One procedure of the catalogue (procedures.csv). Flags are null when the cell is empty. */
public final class Procedure implements Serializable {
    private static final long serialVersionUID = 1L;

    /** DonViTinh of ThoiHanGiaiQuyet. */
    public enum TimeUnit { WORKING_DAYS, DAYS, HOURS }

    public final String code;
    public final String name;
    public final String fieldCode;
    public final String level;
    public final Integer onlineLevel;
    public final Boolean hasFee;
    public final Boolean requiresDocumentResult;
    public final Boolean citizenFacing;
    public final BigDecimal timeLimit;
    public final TimeUnit timeUnit;

    public Procedure(String code, String name, String fieldCode, String level, Integer onlineLevel, Boolean hasFee,
                     Boolean requiresDocumentResult, Boolean citizenFacing, BigDecimal timeLimit, TimeUnit timeUnit) {
        this.code = code;
        this.name = name;
        this.fieldCode = fieldCode;
        this.level = level;
        this.onlineLevel = onlineLevel;
        this.hasFee = hasFee;
        this.requiresDocumentResult = requiresDocumentResult;
        this.citizenFacing = citizenFacing;
        this.timeLimit = timeLimit;
        this.timeUnit = timeUnit;
    }
}
