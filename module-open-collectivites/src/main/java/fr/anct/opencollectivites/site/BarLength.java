package fr.anct.opencollectivites.site;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The length in pixels of a chart's bar: proportional to the value's magnitude, the largest one full. */
final class BarLength {
    private BarLength() {
    }

    /**
     * Rounds to whole pixels. The scale is given explicitly: {@code divide(max, mode)} keeps the dividend's
     * scale, which is negative for amounts read as {@code 1.8E+6}, and would round 120 px to 0 or 1000.
     */
    static int of(BigDecimal value, BigDecimal max, int full) {
        if (value == null || max == null || max.signum() == 0) {
            return 0;
        }
        return value.abs().multiply(BigDecimal.valueOf(full)).divide(max.abs(), 0, RoundingMode.HALF_UP).intValue();
    }
}
