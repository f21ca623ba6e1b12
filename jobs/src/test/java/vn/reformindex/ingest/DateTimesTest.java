package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DateTimesTest {
    private static final LocalDateTime T = LocalDateTime.of(2020, 2, 29, 8, 5, 9);

    @Test
    void everyContractFormatParses() {
        assertEquals(T, DateTimes.parse("20200229080509"));
        assertEquals(T, DateTimes.parse("2020-02-29 08:05:09"));
        assertEquals(T, DateTimes.parse("2020-02-29T08:05:09"));
        assertEquals(T, DateTimes.parse("29/02/2020 08:05:09"));
        assertEquals(T.toLocalDate().atStartOfDay(), DateTimes.parse("29/02/2020"));
        assertEquals(T, DateTimes.parse("  20200229080509 "));
    }

    @Test
    void impossibleDatesAreRejectedInEveryFormat() {
        assertNull(DateTimes.parse("20200231080000"));
        assertNull(DateTimes.parse("2020-02-31 08:00:00"));
        assertNull(DateTimes.parse("2020-02-31T08:00:00"));
        assertNull(DateTimes.parse("31/02/2020 08:00:00"));
        assertNull(DateTimes.parse("31/02/2020"));
        assertNull(DateTimes.parse("29/02/2019"));
        assertNull(DateTimes.parse("20200229250000"));
        assertNull(DateTimes.parse("2020-13-01 00:00:00"));
        assertNull(DateTimes.parse("02/29/2020"));
        assertNull(DateTimes.parse("yesterday"));
        assertNull(DateTimes.parse("2020/02/29"));
    }
}
