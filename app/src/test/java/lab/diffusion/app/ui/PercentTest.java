package lab.diffusion.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Captions never say "removed 0 %" of a signal that has begun to go. */
class PercentTest {

    @Test
    void smallChangesKeepADecimalAndTinyOnesSayLessThan() {
        assertEquals("less than 0.1 %", Percent.of(0.0004));
        assertEquals("0.4 %", Percent.of(0.004));
        assertEquals("7.5 %", Percent.of(0.075));
        assertEquals("50 %", Percent.of(0.5));
        assertEquals("92.9 %", Percent.of(0.929));
        assertEquals("more than 99.9 %", Percent.of(0.99995));
        assertEquals("100 %", Percent.of(1.0));
    }
}
