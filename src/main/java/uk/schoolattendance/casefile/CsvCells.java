package uk.schoolattendance.casefile;

import java.time.LocalDate;

/**
 * A cell of a CSV file the case file offers for download (RFC 4180), safe to open in a
 * spreadsheet: a cell a spreadsheet would take for a formula (starting {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) is prefixed with an apostrophe, because names,
 * addresses and a file's own values are typed by people and must stay text.
 */
public final class CsvCells {

  private CsvCells() {}

  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof LocalDate day ? day.toString() : String.valueOf(value);
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
