package org.reportplatform.dashboard.export;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table written as CSV (RFC 4180) in UTF-8 with a byte order mark: without it Excel reads the Chinese headers and
 * region names as the local code page and shows mojibake.
 */
public final class CsvTable {

    /** A column: its header and how a row's cell is read. */
    public record Column<T>(String header, Function<T, Object> cell) {
    }

    /** Decimals of a number in a cell; a percentage to 4 decimals is a ten-thousandth of a point. */
    static final int DECIMALS = 4;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String name;
    private final List<String> headers;
    private final List<List<Object>> rows;

    private CsvTable(String name, List<String> headers, List<List<Object>> rows) {
        this.name = name;
        this.headers = headers;
        this.rows = rows;
    }

    public static <T> CsvTable of(String name, List<Column<T>> columns, List<T> items) {
        List<List<Object>> rows = items.stream()
                .map(item -> columns.stream().map(column -> column.cell().apply(item)).toList())
                .toList();
        return new CsvTable(name, columns.stream().map(Column::header).toList(), rows);
    }

    /** A name for the downloaded file, without extension: ASCII only, so that every browser keeps it. */
    public String name() {
        return name;
    }

    public byte[] utf8WithBom() {
        StringBuilder text = new StringBuilder();
        line(text, headers);
        rows.forEach(row -> line(text, row));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void line(StringBuilder text, List<?> cells) {
        text.append(cells.stream().map(CsvTable::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /**
     * Empty for no value; numbers in plain notation (Excel reads 1.2E+5 as text in some locales), to at most
     * {@value #DECIMALS} decimals: quotients carry 16 significant digits, far beyond what a county's figures mean. The
     * JSON answers keep them exact.
     */
    private static String cell(Object value) {
        String text = value == null ? ""
                : value instanceof BigDecimal number ? rounded(number).toPlainString()
                : value.toString();
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static BigDecimal rounded(BigDecimal number) {
        if (number.scale() <= DECIMALS) {
            return number;
        }
        BigDecimal rounded = number.setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
