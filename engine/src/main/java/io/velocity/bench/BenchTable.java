package io.velocity.bench;

import java.io.PrintStream;
import java.util.List;

/** Prints results as an aligned table with the machine noted. */
public final class BenchTable {
    private BenchTable() {
    }

    public static void print(List<BenchResult> results, PrintStream out) {
        out.println();
        out.println("Machine: " + Machine.describe());
        String header = String.format("%-10s %-44s %16s %-10s %-22s %s", "bench", "metric", "value", "unit", "goal", "");
        out.println(header);
        out.println("-".repeat(header.length() + 4));
        for (BenchResult r : results) {
            out.println(String.format("%-10s %-44s %16s %-10s %-22s %s", r.bench(), r.metric(), BenchResult.fmt(r.value()),
                    r.unit(), r.goal(), r.goal().isEmpty() ? "" : (r.met() ? "ok" : "MISSED")));
        }
    }
}
