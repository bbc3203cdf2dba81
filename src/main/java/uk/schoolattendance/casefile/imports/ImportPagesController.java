package uk.schoolattendance.casefile.imports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import uk.schoolattendance.attendance.MarkImporter.Format;
import uk.schoolattendance.attendance.RegisterImports;
import uk.schoolattendance.attendance.Rejection;
import uk.schoolattendance.casefile.CsvCells;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.Navigation;
import uk.schoolattendance.casefile.PageForbiddenException;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.casefile.PeopleNames;
import uk.schoolattendance.casefile.UkDates;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The register's imports as pages (docs/casefile.md, docs/register.md): "Import register marks"
 * ({@code /casework/imports}: choose a CSV or CTF file, and the latest imports), an import's own
 * page ({@code /casework/imports/{importId}}: who, when, its state and counts, every rejection a
 * page of 100 at a time) and its rejections as CSV. The same service as the API
 * ({@link RegisterImports}) imports the file and decides who may import, for which schools, and
 * who sees which import. Anyone who may import for no school gets "You cannot open this page"
 * (403); an import the viewer may not see is "Page not found", like one that does not exist.
 */
@Controller
class ImportPagesController {

  static final String PATH = Navigation.IMPORTS;
  static final int PAGE_SIZE = 100;
  static final int LATEST = 50;
  /** The field of the page's form; the error summary links to it. */
  static final String FILE = "import-file";

  /** The page "Import register marks": the form, its errors, and the latest imports. */
  record ImportsPage(String title, List<FieldError> errors, String limit, boolean everySchool, List<Row> latest) {}

  /** One import in the list. */
  record Row(int id, String href, String sentBy, String sentAt, String format, String fileName, String state,
      String stateTag, int read, int accepted, int unchanged, int rejected) {}

  /** One import's page. */
  record ImportPage(String title, int id, String sentBy, String sentAt, String finishedAt, String format,
      String fileName, String state, String stateTag, String status, String whatToDo, boolean running, Long percent,
      int read, int accepted, int unchanged, int rejected,
      int rejectionsTotal, List<RejectionRow> rejections, int page, int pages, int first, int last,
      String previous, String next, String csv, String removed) {}

  /** A rejected row (or, in a CTF, the rows a rejection covers) with the field and the reason. */
  record RejectionRow(String rows, String field, String reason) {}

  private static final Map<String, String> STATES = Map.of(
      "running", "Importing", "completed", "Imported", "failed", "Failed", "interrupted", "Interrupted");
  private static final Map<String, String> TAGS = Map.of(
      "running", "govuk-tag--blue", "completed", "govuk-tag--green", "failed", "govuk-tag--red",
      "interrupted", "govuk-tag--orange");

  private final RegisterImports imports;
  private final PeopleNames names;
  private final UkDates dates;

  ImportPagesController(RegisterImports imports, PeopleNames names, UkDates dates) {
    this.imports = imports;
    this.names = names;
    this.dates = dates;
  }

  @GetMapping(PATH)
  String imports(Model model) {
    require();
    model.addAttribute("page", page(List.of()));
    return "casefile/imports";
  }

  /**
   * Imports the chosen file and opens its page. A missing, empty, too large or unreadable file,
   * or one of another type, comes back to the form naming the field, and nothing is imported.
   */
  @PostMapping(PATH)
  String upload(@RequestParam(name = FILE, required = false) MultipartFile file, HttpServletResponse response,
      Model model, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) throws IOException {
    require();
    List<FieldError> errors = new ArrayList<>();
    Integer importId = null;
    long limit = imports.pageMaxFileSize();
    if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
      errors.add(new FieldError(FILE, "Select a CSV file or a Common Transfer File to import"));
    } else if (file.isEmpty()) {
      errors.add(new FieldError(FILE, "The selected file is empty"));
    } else if (file.getSize() > limit) {
      errors.add(new FieldError(FILE, "The selected file must be smaller than " + megabytes(limit)
          + ": send a larger file in parts, or through the import API"));
    } else {
      Optional<Format> format = format(file.getOriginalFilename(), file.getContentType());
      if (format.isEmpty()) {
        errors.add(new FieldError(FILE, "The selected file must be a CSV file (.csv) or a Common Transfer File (.xml)"));
      } else {
        try (InputStream in = new BufferedInputStream(file.getInputStream(), 8192)) {
          String wrong = contentDiffers(in, format.get());
          if (wrong != null) {
            errors.add(new FieldError(FILE, wrong));
          } else {
            importId = imports.importFile(format.get(), fileName(file.getOriginalFilename()), in, file.getSize());
          }
        } catch (InvalidInputException e) {
          errors.add(new FieldError(FILE, "The selected file could not be imported: "
              + ("header".equals(e.getField()) ? "in its header row, " : "") + e.getRule()));
        }
      }
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("page", page(errors));
      return "casefile/imports";
    }
    // the result page takes the focus to its heading once, after the upload, for a screen reader
    redirect.addFlashAttribute("uploaded", true);
    return "redirect:" + PATH + "/" + importId;
  }

  /** The CSV layout, as a data officer or a school needs it to make or fix a file. */
  @GetMapping(PATH + "/csv-layout")
  String layout() {
    require();
    return "casefile/import-csv-layout";
  }

  @GetMapping(PATH + "/{importId}")
  String importPage(@PathVariable String importId, @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
    require();
    RegisterImports.Summary found = visible(importId);
    int total = imports.rejectionCount(found.id());
    int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int shown = Math.min(Math.max(1, page), pages);
    int offset = (shown - 1) * PAGE_SIZE;
    List<RejectionRow> rows = imports.rejections(found.id(), offset, PAGE_SIZE).stream()
        .map(ImportPagesController::rejection).toList();
    String href = PATH + "/" + found.id();
    String state = found.state();
    model.addAttribute("page", new ImportPage(
        "Import " + found.id(), found.id(), names.of(found.submittedBy()), dates.moment(found.submittedAt()),
        dates.moment(found.finishedAt()), format(found.format()), fileShown(found), state(found), tag(found),
        status(found), whatToDo(found), "running".equals(state), found.percent(),
        found.rowsRead(), found.rowsAccepted(), found.rowsUnchanged(), found.rowsRejected(),
        total, rows, shown, pages, rows.isEmpty() ? 0 : offset + 1, offset + rows.size(),
        shown > 1 ? href + "?page=" + (shown - 1) : null, shown < pages ? href + "?page=" + (shown + 1) : null,
        href + "/rejections.csv", removed(found)));
    return "casefile/import";
  }

  /**
   * Every rejection of the import as CSV, streamed: a file of any size. A CSV import's rejected rows
   * come as the file sent them, under its own header, with the field and the reason added at the
   * end, so the file can be corrected and imported again (the reader ignores the two added
   * columns); a CTF's (and an import from before the rows were kept) by row number: row, rows
   * covered, field, reason. Every cell a spreadsheet would take for a formula stays text.
   */
  @GetMapping(PATH + "/{importId}/rejections.csv")
  void rejectionsCsv(@PathVariable String importId, HttpServletResponse response) throws IOException {
    require();
    RegisterImports.Summary found = visible(importId);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename("import-" + found.id() + "-rejections.csv").build().toString());
    PrintWriter out = response.getWriter();
    String header = found.keptRows() ? imports.header(found.id()).orElse(null) : null;
    if (header == null) {
      out.print("row,rows,field,reason\r\n");
      imports.eachRejection(found.id(), r -> out.print(
          r.row() + "," + r.rows() + "," + CsvCells.cell(r.field()) + "," + CsvCells.cell(r.reason()) + "\r\n"));
    } else {
      int width = fields(header).size();
      out.print(cells(header, width) + "field,reason\r\n");
      imports.eachRejection(found.id(), r -> out.print(
          (r.sent() == null ? notKept(r, width) : cells(r.sent(), width))
              + CsvCells.cell(r.field()) + "," + CsvCells.cell(r.reason()) + "\r\n"));
    }
    out.flush();
  }

  /**
   * The cells of a rejection whose row was not kept as sent: a CSV row longer than the service keeps
   * ({@code ImportRecords.LONGEST_ROW} characters) or, where rejections are grouped, several rows.
   * The first cell says which row and why it is not there, so the person can find it in their file;
   * the other cells are empty, so the field and the reason stay under their headings.
   */
  private static String notKept(Rejection r, int width) {
    String which = r.rows() > 1
        ? "rows " + r.row() + " to " + (r.row() + r.rows() - 1) + " (not kept one by one)"
        : "row " + r.row() + " (too long to keep)";
    return CsvCells.cell(which) + "," + ",".repeat(Math.max(0, width - 1));
  }

  /**
   * A line of the file as download cells (each neutralised against formulas), each followed by a
   * comma; a row shorter than the header is filled with empty cells, so the field and the reason
   * stay under their headings.
   */
  private static String cells(String line, int width) {
    StringBuilder out = new StringBuilder();
    List<String> sent = line == null ? List.of() : fields(line);
    for (String cell : sent) {
      out.append(CsvCells.cell(cell)).append(',');
    }
    out.append(",".repeat(Math.max(0, width - sent.size())));
    return out.toString();
  }

  /** The cells of a CSV line this service kept. */
  private static List<String> fields(String line) {
    try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().skipEmptyLines(false).ofCsvRecord(line)) {
      return reader.stream().findFirst().map(de.siegmar.fastcsv.reader.CsvRecord::getFields).orElse(List.of());
    } catch (IOException | RuntimeException e) {
      return List.of(line); // kept by this service as a CSV line: not expected, but the row is not lost
    }
  }

  /**
   * The file's name as the browser sent it, without any folder (an old browser sends the whole
   * path), at most 255 characters; null when it gave none.
   */
  static String fileName(String original) {
    if (original == null) {
      return null;
    }
    String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
    name = name.replaceAll("\\p{Cntrl}", "");
    if (name.isEmpty()) {
      return null;
    }
    return name.length() > 255 ? name.substring(0, 255) : name;
  }

  /** The file's name and size, e.g. "day1.csv (2.1 KB)"; empty for an import made before names were kept. */
  private static String fileShown(RegisterImports.Summary found) {
    if (found.fileName() == null) {
      return "";
    }
    return found.fileName() + (found.fileSize() == null ? "" : " (" + size(found.fileSize()) + ")");
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.UK, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024));
  }

  /** Whether the import finished with rows rejected and not one mark added, corrected or already there. */
  private static boolean nothingImported(RegisterImports.Summary found) {
    return "completed".equals(found.state()) && found.rowsRejected() > 0 && found.rowsAccepted() == 0;
  }

  private static String state(RegisterImports.Summary found) {
    return nothingImported(found) ? "Nothing imported" : STATES.getOrDefault(found.state(), found.state());
  }

  private static String tag(RegisterImports.Summary found) {
    return nothingImported(found) ? "govuk-tag--red" : TAGS.getOrDefault(found.state(), "");
  }

  private void require() {
    if (!imports.mayImport()) {
      throw new PageForbiddenException("the register's imports: IMPORT_MARKS on no school");
    }
  }

  private RegisterImports.Summary visible(String importId) {
    return (importId.matches("\\d{1,9}") ? imports.find(Integer.parseInt(importId)) : Optional.<RegisterImports.Summary>empty())
        .orElseThrow(() -> new PageNotFoundException("import " + importId));
  }

  private ImportsPage page(List<FieldError> errors) {
    List<RegisterImports.Summary> latest = imports.latest(LATEST);
    Map<String, String> people = names.of(latest.stream().map(RegisterImports.Summary::submittedBy).distinct().toList());
    List<Row> rows = latest.stream()
        .map(i -> new Row(i.id(), PATH + "/" + i.id(), people.getOrDefault(i.submittedBy(), i.submittedBy()),
            dates.moment(i.submittedAt()), format(i.format()), fileShown(i), state(i), tag(i), i.rowsRead(), i.rowsAccepted(), i.rowsUnchanged(), i.rowsRejected()))
        .toList();
    return new ImportsPage("Import register marks", errors, megabytes(imports.pageMaxFileSize()),
        imports.seesEveryImport(), rows);
  }

  /** What the import's state means. */
  private static String status(RegisterImports.Summary found) {
    return switch (found.state()) {
      case "running" -> "This import is still running"
          + (found.percent() == null ? "" : ": " + found.percent() + "% of the file has been read")
          + ". The counts below are the rows imported so far.";
      case "failed" -> "This import stopped before the end of the file: " + found.failure() + ".";
      case "interrupted" -> "This import stopped before the end of the file and has not moved since:"
          + " the service may have been restarted while it ran.";
      default -> found.rowsRejected() == 0
          ? "Every row of the file was imported."
          : nothingImported(found) && found.rowsUnchanged() == 0
              ? "Nothing was imported: every row of the file was rejected. The register has not changed."
              : nothingImported(found)
                  ? "No mark was added or corrected: the rows not rejected were already in the register, unchanged."
                      + " The rejected rows below were kept out of the register."
                  : "The good rows of the file were imported. The rejected rows below were kept out of the register.";
    };
  }

  /**
   * "Rejected rows removed on 12 March 2027 under the retention rule: ...", once the rows as the file
   * sent them were removed ({@code attendance.imports.rejected-rows-retention-days}); null while kept.
   */
  private String removed(RegisterImports.Summary found) {
    return found.rejectedRowsRemovedAt() == null ? null
        : "Rejected rows removed on " + dates.day(found.rejectedRowsRemovedAt()) + " under the retention rule: the rows"
            + " as your file sent them are no longer kept. Each rejection's row number, field and reason below remain.";
  }

  /** What to do next. */
  private static String whatToDo(RegisterImports.Summary found) {
    return switch (found.state()) {
      case "running" -> "Reload this page to see how it is going.";
      case "failed", "interrupted" -> "The rows counted below are in the register. Correct the file if it needs it and"
          + " import it again: rows already in the register are not added twice.";
      default -> found.rowsRejected() == 0 ? null
          : found.rejectedRowsRemovedAt() != null
              ? "Correct the rejected rows in your own file (the download lists them by their row number in it, with"
                  + " the field and the reason) and import it again: rows already in the register are not added twice."
          : found.keptRows()
              ? "Download the rejected rows as a spreadsheet: each comes as your file sent it, with the field"
                  + " and the reason at the end. Correct them and import that file again:"
                  + " rows already in the register are not added twice."
              : "Correct the rejected rows in your file (the download lists them by their row number in it,"
                  + " with the field and the reason) and import the file again:"
                  + " rows already in the register are not added twice.";
    };
  }

  private static RejectionRow rejection(Rejection r) {
    String rows = r.rows() > 1 ? "Rows " + r.row() + " to " + (r.row() + r.rows() - 1) : "Row " + r.row();
    return new RejectionRow(rows, r.field(), r.reason());
  }

  private static String format(String code) {
    return "ctf".equals(code) ? "Common Transfer File (CTF)" : "CSV";
  }

  /**
   * The file's format from its name, else from the type the browser gave it: {@code .csv} (or
   * {@code text/csv}) is the CSV layout, {@code .xml} (or an XML type) a Common Transfer File.
   */
  static Optional<Format> format(String fileName, String contentType) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
    if (name.endsWith(".csv")) {
      return Optional.of(Format.CSV);
    }
    if (name.endsWith(".xml")) {
      return Optional.of(Format.CTF);
    }
    if (name.contains(".")) {
      return Optional.empty();
    }
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    return switch (type) {
      case "text/csv", "application/csv" -> Optional.of(Format.CSV);
      case "application/xml", "text/xml" -> Optional.of(Format.CTF);
      default -> Optional.empty();
    };
  }

  /**
   * Why the file's first bytes are not what its name says (a spreadsheet, a PDF or a picture named
   * .csv; a CSV named .xml), or null. The stream is read from its start again afterwards.
   */
  static String contentDiffers(InputStream in, Format format) throws IOException {
    in.mark(4096);
    byte[] head = in.readNBytes(4096);
    in.reset();
    for (byte b : head) {
      if (b == 0) {
        return "The selected file must be a CSV file or a Common Transfer File: it is not text"
            + " (save a spreadsheet as CSV first)";
      }
    }
    String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
    if (text.startsWith("%PDF") || text.startsWith("PK")) {
      return "The selected file must be a CSV file or a Common Transfer File: it is not text"
          + " (save a spreadsheet as CSV first)";
    }
    if (format == Format.CTF && !text.startsWith("<")) {
      return "The selected file is named .xml but is not XML: a Common Transfer File is XML";
    }
    return null;
  }

  static String megabytes(long bytes) {
    long mb = bytes / (1024 * 1024);
    return mb * 1024 * 1024 == bytes ? mb + " MB" : String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
