package uk.schoolattendance.attendance;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The register's CSV layout (docs/register.md): UTF-8, a header row, one row per pupil and
 * session, columns found by name in any order and case. Required: {@code upn}, {@code urn},
 * {@code date}, {@code session}, {@code code}. The pupil's details ({@code forename}, {@code
 * surname}, {@code dateOfBirth}, {@code yearGroup}, required the first time a UPN is seen;
 * {@code senProvision}, {@code freeSchoolMeals}, {@code socialWorker}, {@code lookedAfter},
 * {@code address}), {@code registration} ({@code main} or {@code dual}), {@code leavingDate}
 * (the pupil's last day on the roll of the row's school: the end of that registration) and up to two parents
 * ({@code parent1Name}, {@code parent1Relationship}, {@code parent1Address}, {@code
 * parent1Responsibility}, the same for parent 2) are optional. Read one record at a time.
 */
final class CsvMarks {

  static final List<String> REQUIRED = List.of("upn", "urn", "date", "session", "code");
  static final int PARENTS = 2;

  private CsvMarks() {}

  static void read(InputStream in, MarkSink sink) {
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder().detectBomHeader(true).skipEmptyLines(true).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE).ofCsvRecord(in, StandardCharsets.UTF_8)) {
      Columns columns = null;
      for (CsvRecord record : reader) {
        if (columns == null) {
          columns = new Columns(record.getFields());
          sink.header(line(record.getFields()));
          continue;
        }
        sink.sent((int) record.getStartingLineNumber(), record.getFields());
        sink.accept(columns.mark(record));
      }
      if (columns == null) {
        throw new InvalidInputException("body", "the file is empty: a header row is required ("
            + String.join(",", REQUIRED) + ")");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      throw new InvalidInputException("body", "the file is not well-formed CSV: " + e.getMessage());
    }
  }

  /** The cells as one CSV line (RFC 4180 quoting, values untouched), as the file sent them. */
  static String line(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (String cell : cells) {
      if (!line.isEmpty()) {
        line.append(',');
      }
      line.append(cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
          ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
    }
    return line.toString();
  }

  /** Where each known column is in the header. */
  private static final class Columns {
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean parents;

    Columns(List<String> header) {
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        String separator = header.size() == 1 ? otherSeparator(header.get(0)) : null;
        if (separator != null) {
          throw new InvalidInputException("header", "the file seems to use " + separator + " between its columns"
              + " (found: " + header.get(0) + "): the layout needs commas, e.g. " + String.join(",", REQUIRED));
        }
        throw new InvalidInputException("header", "the column" + (missing.size() > 1 ? "s " : " ")
            + String.join(", ", missing) + (missing.size() > 1 ? " are" : " is") + " missing (found: "
            + String.join(",", header) + ")");
      }
      this.parents = index.containsKey("parent1name");
    }

    /** The separator a one-column header holds instead of commas (a spreadsheet's export), or null. */
    private static String otherSeparator(String header) {
      if (header.contains(";")) {
        return "semicolons (;)";
      }
      if (header.contains("\t")) {
        return "tabs";
      }
      if (header.contains("|")) {
        return "vertical bars (|)";
      }
      return null;
    }

    SentMark mark(CsvRecord record) {
      int row = (int) record.getStartingLineNumber();
      SentMark.Pupil pupil =
          new SentMark.Pupil(
              get(record, "forename"), get(record, "surname"), get(record, "dateofbirth"), get(record, "yeargroup"),
              get(record, "senprovision"), get(record, "freeschoolmeals"), get(record, "socialworker"),
              get(record, "lookedafter"), get(record, "address"), parents ? contacts(record) : null);
      String leavingDate = get(record, "leavingdate");
      String urn = get(record, "urn");
      return new SentMark(row, get(record, "upn"), urn, get(record, "date"), get(record, "session"),
          get(record, "code"), get(record, "registration"), pupil,
          leavingDate == null || leavingDate.isBlank() || urn == null ? Map.of() : Map.of(urn.trim(), leavingDate));
    }

    private List<SentMark.Contact> contacts(CsvRecord record) {
      List<SentMark.Contact> contacts = new ArrayList<>();
      for (int n = 1; n <= PARENTS; n++) {
        String name = get(record, "parent" + n + "name");
        if (name == null || name.isBlank()) {
          continue;
        }
        String responsibility = get(record, "parent" + n + "responsibility");
        contacts.add(new SentMark.Contact(name, get(record, "parent" + n + "relationship"),
            // blank: not recorded (review 2, L2: parental responsibility, Children Act 1989 s2-s4A, is
            // recorded only as the school states it; the contact is still listed as liable)
            responsibility == null || responsibility.isBlank() ? null
                : !responsibility.trim().matches("(?i)false|no|n|0"),
            get(record, "parent" + n + "address")));
      }
      return contacts.isEmpty() ? null : contacts;
    }

    private String get(CsvRecord record, String column) {
      Integer i = index.get(column);
      return i == null || i >= record.getFieldCount() ? null : record.getField(i);
    }
  }
}
