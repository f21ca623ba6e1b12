package vn.reformindex.reference;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** One unit of the registry (units.csv). Codes are normalised; dates are inclusive, null = open. */
public final class Unit implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String code;
    public final String name;
    public final String level;
    public final String parentCode;
    public final String peerGroup;
    public final LocalDate validFrom;
    public final LocalDate validTo;
    public final List<String> successorCodes;

    public Unit(String code, String name, String level, String parentCode, String peerGroup,
                LocalDate validFrom, LocalDate validTo, List<String> successorCodes) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentCode = parentCode;
        this.peerGroup = peerGroup;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.successorCodes = List.copyOf(successorCodes);
    }

    public boolean validOn(LocalDate d) {
        return (validFrom == null || !d.isBefore(validFrom)) && (validTo == null || !d.isAfter(validTo));
    }

    /** Valid on at least one day of [from, to]. */
    public boolean validDuring(LocalDate from, LocalDate to) {
        return (validFrom == null || !validFrom.isAfter(to)) && (validTo == null || !validTo.isBefore(from));
    }
}
