package vn.reformindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void moneyUsesDotsOnlyAsThousandsSeparators() {
        assertEquals(new BigDecimal("1500"), Values.money("1.500"));
        assertEquals(new BigDecimal("1500000"), Values.money("1.500.000"));
        assertEquals(new BigDecimal("20000"), Values.money("20000"));
        assertNull(Values.money("1.5"));
        assertNull(Values.money("-100"));
        assertNull(Values.money("1.5000"));
        assertNull(Values.money("abc"));
    }

    @Test
    void decimalsAndIntegers() {
        assertEquals(new BigDecimal("1.5"), Values.decimal("1,5"));
        assertEquals(new BigDecimal("24"), Values.decimal("24"));
        assertNull(Values.decimal("-3"));
        assertEquals(7, Values.integer("7"));
        assertNull(Values.integer("7.0"));
        assertNull(Values.integer("-1"));
    }
}
