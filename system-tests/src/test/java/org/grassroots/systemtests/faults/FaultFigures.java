package org.grassroots.systemtests.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of each fault scenario, printed as each ends and written together to
 * {@code system-tests/target/faults/fault-results.json} and {@code .md}.
 *
 * @param scenario         what was done
 * @param produced         events the services produced during the scenario (for a poison: records put on the topics)
 * @param delivered        of those, how many arrived (distinct), as an outside consumer of the topic sees it
 * @param duplicated       records that arrived more than once (must be 0)
 * @param lost             produced and never arrived (must be 0)
 * @param effectsExpected  effects the consumers should have applied (points entries, case facts, parkings …)
 * @param effectsApplied   effects found applied once
 * @param effectsTwice     effects applied more than once (must be 0)
 * @param effectsMissing   effects never applied (must be 0)
 * @param faultMillis      how long the fault lasted
 * @param catchUpMillis    from the end of the fault until every event had arrived and every effect was applied
 * @param notes            what else was checked
 */
record FaultFigures(String scenario, long produced, long delivered, long duplicated, long lost, long effectsExpected,
        long effectsApplied, long effectsTwice, long effectsMissing, long faultMillis, long catchUpMillis,
        String notes) {

    private static final List<FaultFigures> RECORDED = new ArrayList<>();
    private static final List<String> FAILED = new ArrayList<>();

    static synchronized void failed(String scenario, Throwable cause) {
        java.io.StringWriter trace = new java.io.StringWriter();
        cause.printStackTrace(new java.io.PrintWriter(trace));
        StringBuilder causes = new StringBuilder();
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            causes.append("\n  caused by ").append(c);
        }
        String text = trace.toString();
        FAILED.add(scenario + ": " + causes + "\n" + text.substring(0, Math.min(text.length(), 3000)));
        System.out.println("FAULT SCENARIO FAILED " + scenario + ": " + cause);
    }

    static synchronized void record(FaultFigures figures) {
        RECORDED.add(figures);
        System.out.println("FAULT FIGURES " + figures);
    }

    static synchronized void write(Path directory) {
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder("""
                | scenario | events produced | delivered | duplicated | lost | effects expected | applied | applied twice | missing | fault (s) | catch-up (s) |
                |---|---|---|---|---|---|---|---|---|---|---|
                """);
        for (FaultFigures f : RECORDED) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", f.scenario());
            row.put("produced", f.produced());
            row.put("delivered", f.delivered());
            row.put("duplicated", f.duplicated());
            row.put("lost", f.lost());
            row.put("effectsExpected", f.effectsExpected());
            row.put("effectsApplied", f.effectsApplied());
            row.put("effectsTwice", f.effectsTwice());
            row.put("effectsMissing", f.effectsMissing());
            row.put("faultMillis", f.faultMillis());
            row.put("catchUpMillis", f.catchUpMillis());
            row.put("notes", f.notes());
            rows.add(row);
            table.append("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %.1f | %.1f |%n".formatted(f.scenario(),
                    f.produced(), f.delivered(), f.duplicated(), f.lost(), f.effectsExpected(), f.effectsApplied(),
                    f.effectsTwice(), f.effectsMissing(), f.faultMillis() / 1000.0, f.catchUpMillis() / 1000.0));
        }
        table.append("\n");
        for (FaultFigures f : RECORDED) {
            table.append("- ").append(f.scenario()).append(": ").append(f.notes()).append("\n");
        }
        for (String failure : FAILED) {
            table.append("\nFAILED ").append(failure).append("\n");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("finishedAt", Instant.now().toString());
        document.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + ", Java " + System.getProperty("java.version"));
        document.put("scenarios", rows);
        document.put("failed", FAILED);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("fault-results.json"),
                    Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            Files.writeString(directory.resolve("fault-results.md"), table.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(table);
    }
}
