package org.jumpdesk.bench;

/**
 * One line of the result table: what was measured against its target.
 *
 * @param measured the figure, in the target's unit
 * @param target the target, or NaN when there is none yet
 * @param higherIsBetter whether the target is a floor (throughput) rather than a ceiling (time, memory)
 * @param note how it was measured or why it is missing
 */
record Figure(String name, double measured, String unit, double target, boolean higherIsBetter, String note) {

    /** A figure this run does not measure (yet). */
    static Figure notMeasured(String name, String unit, double target, boolean higherIsBetter, String note) {
        return new Figure(name, Double.NaN, unit, target, higherIsBetter, note);
    }

    boolean measuredHere() {
        return !Double.isNaN(measured);
    }

    /** How many times better than the target: 1 or more meets it. */
    double ratio() {
        return higherIsBetter ? measured / target : target / measured;
    }

    boolean met() {
        return measuredHere() && ratio() >= 1;
    }

    /** A Markdown table row. */
    String row() {
        String comparison = higherIsBetter ? "≥ " : "≤ ";
        return "| " + name + " | " + (measuredHere() ? format(measured) + " " + unit : "not yet measured") + " | "
                + comparison + format(target) + " " + unit + " | "
                + (measuredHere() ? String.format("%.2f", ratio()) : "—") + " | "
                + (measuredHere() ? (met() ? "yes" : "**no**") : "—") + " | " + note + " |";
    }

    static String header() {
        return "| figure | measured | target | ratio (≥ 1 meets) | met | how |\n| --- | --- | --- | --- | --- | --- |";
    }

    static String format(double value) {
        if (value >= 100) {
            return String.format("%,.0f", value);
        }
        return String.format("%.2f", value);
    }
}
