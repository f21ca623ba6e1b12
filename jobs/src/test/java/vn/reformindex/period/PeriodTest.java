package vn.reformindex.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void parsesEveryForm() {
        Period y = Period.parse("2024");
        assertEquals(LocalDate.of(2024, 1, 1), y.start());
        assertEquals(LocalDate.of(2024, 12, 31), y.end());
        Period q = Period.parse("2024-Q2");
        assertEquals(LocalDate.of(2024, 4, 1), q.start());
        assertEquals(LocalDate.of(2024, 6, 30), q.end());
        Period m = Period.parse("2024-02");
        assertEquals(LocalDate.of(2024, 2, 29), m.end());
        Period r = Period.parse("2020-01-01..2020-10-29");
        assertEquals(Period.Kind.RANGE, r.kind());
        assertEquals(303, r.lengthInDays());
    }

    @Test
    void rejectsBadPeriodsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse("2024-13"));
        assertTrue(e.getMessage().contains("2024-13"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2024-Q5"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2020-02-30..2020-03-01"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2020-03-01..2020-02-01"));
    }

    @Test
    void precedingAndSameLastYear() {
        assertEquals("2023-Q4", Period.parse("2024-Q1").preceding().label());
        assertEquals("2023-12", Period.parse("2024-01").preceding().label());
        assertEquals("2023", Period.parse("2024").preceding().label());
        assertEquals("2023-Q2", Period.parse("2024-Q2").sameLastYear().label());
        Period r = Period.parse("2020-01-11..2020-01-20");
        assertEquals("2020-01-01..2020-01-10", r.preceding().label());
        assertEquals("2019-01-01..2019-10-29", Period.parse("2020-01-01..2020-10-29").sameLastYear().label());
    }

    @Test
    void asOfIsTheMinimum() {
        Period p = Period.parse("2020-01-01..2020-10-29");
        assertEquals(LocalDate.of(2020, 10, 29), p.asOf(null, LocalDate.of(2020, 10, 30)));
        assertEquals(LocalDate.of(2020, 10, 1), p.asOf(LocalDate.of(2020, 10, 1), LocalDate.of(2020, 10, 30)));
        assertEquals(LocalDate.of(2020, 9, 30), p.asOf(null, LocalDate.of(2020, 9, 30)));
    }
}
