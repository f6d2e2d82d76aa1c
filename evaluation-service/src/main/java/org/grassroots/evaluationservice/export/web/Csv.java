package org.grassroots.evaluationservice.export.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Any statistics view as CSV for the district's reports: one header row of the record's field
 * names, one line per record, RFC 4180 quoting. Starts with a byte-order mark so that spreadsheet
 * programs read the Chinese names as UTF-8.
 */
public final class Csv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** Whether the client asked for CSV, by {@code ?format=csv} or by {@code Accept: text/csv}. */
    public static boolean wanted(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return "csv".equalsIgnoreCase(format.strip());
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    /** The rows as JSON, or as a CSV attachment named {@code name}.csv when the client asked for it. */
    public static <R extends Record> ResponseEntity<?> respond(List<R> rows, Class<R> type, String name,
            String format, String accept) {
        if (!wanted(format, accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
        }
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name + ".csv").build().toString())
                .body(write(rows, type));
    }

    public static <R extends Record> String write(List<R> rows, Class<R> type) {
        RecordComponent[] columns = type.getRecordComponents();
        StringBuilder csv = new StringBuilder(BOM);
        for (int i = 0; i < columns.length; i++) {
            csv.append(i == 0 ? "" : ",").append(columns[i].getName());
        }
        csv.append("\r\n");
        for (R row : rows) {
            for (int i = 0; i < columns.length; i++) {
                csv.append(i == 0 ? "" : ",").append(field(value(row, columns[i])));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static Object value(Record row, RecordComponent column) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + column.getName(), e);
        }
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof List<?> list ? String.join(";", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
