package uk.schoolattendance.attendance;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.schoolattendance.attendance.ImportRecords.Import;
import uk.schoolattendance.attendance.MarkImporter.Format;
import uk.schoolattendance.process.InvalidInputException;

/**
 * The register's imports (contract: <em>The register of attendance marks</em>): {@code POST
 * /api/attendance/imports} with a CSV ({@code text/csv}) or a Common Transfer File ({@code
 * application/xml}) answers with the import's counts and its first rejections once the file is
 * in; {@code GET /api/attendance/imports/{importId}} shows an import's state, progress, counts
 * and every rejection (paged), also while it runs; {@code GET /api/attendance/imports} lists the
 * latest. The data team imports for every school, a school for its own URN; anyone else is refused
 * (403). An import is visible to its sender and to those who import for every school. The rules are
 * {@link RegisterImports}, which the case file's import pages use too.
 */
@RestController
@RequestMapping("/api/attendance/imports")
class ImportController {

  static final int MAX_REJECTIONS_PAGE = 100_000;

  private final RegisterImports imports;
  private final ImportRecords records;
  private final RegisterProperties properties;

  ImportController(RegisterImports imports, ImportRecords records, RegisterProperties properties) {
    this.imports = imports;
    this.records = records;
    this.properties = properties;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> importFile(HttpServletRequest request) throws IOException {
    if (!imports.mayImport()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role does not import attendance marks.");
    }
    Format format = format(request.getContentType());
    long length = request.getContentLengthLong();
    if (length > properties.maxFileSize().toBytes()) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "A register file may be at most "
          + properties.maxFileSize().toMegabytes() + " MB: send it in parts.");
    }
    int importId = imports.importFile(format, request.getInputStream(), length < 0 ? null : length);
    Import done = records.get(importId).orElseThrow();
    return ResponseEntity.ok(body(done, 0, properties.rejectionsInAnswer()));
  }

  @GetMapping
  List<Map<String, Object>> latest(@RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > 200) {
      throw new InvalidInputException("limit", "must be from 1 to 200");
    }
    return imports.latestRecords(limit).stream()
        .map(this::summary)
        .toList();
  }

  @GetMapping("/{importId}")
  Map<String, Object> get(
      @PathVariable String importId,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "10000") int limit) {
    if (offset < 0) {
      throw new InvalidInputException("offset", "must not be negative");
    }
    if (limit < 1 || limit > MAX_REJECTIONS_PAGE) {
      throw new InvalidInputException("limit", "must be from 1 to " + MAX_REJECTIONS_PAGE);
    }
    Import found = importId.matches("\\d{1,9}") ? imports.visible(Integer.parseInt(importId)).orElse(null) : null;
    if (found == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + importId + ", or not visible to you.");
    }
    return body(found, offset, limit);
  }

  private Map<String, Object> body(Import found, int offset, int limit) {
    Map<String, Object> body = summary(found);
    body.put("rejectionsTotal", records.rejectionCount(found.id()));
    body.put("rejections", records.rejections(found.id(), offset, limit).stream().map(ImportController::rejection).toList());
    return body;
  }

  private Map<String, Object> summary(Import found) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("importId", found.id());
    body.put("format", found.format());
    body.put("state", imports.state(found));
    body.put("submittedBy", found.submittedBy());
    body.put("submittedAt", found.submittedAt());
    body.put("finishedAt", found.finishedAt());
    body.put("rowsRead", found.counts().read());
    body.put("rowsAccepted", found.counts().accepted());
    body.put("rowsUnchanged", found.counts().unchanged());
    body.put("rowsRejected", found.counts().rejected());
    Map<String, Object> progress = new LinkedHashMap<>();
    progress.put("bytesRead", found.counts().bytesRead());
    progress.put("bytesExpected", found.bytesExpected());
    progress.put("percent", RegisterImports.percent(found));
    body.put("progress", progress);
    body.put("failure", found.failure());
    body.put("identifiedAt", found.identifiedAt());
    return body;
  }

  private static Map<String, Object> rejection(Rejection r) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("row", r.row());
    if (r.rows() > 1) {
      map.put("rows", r.rows());
    }
    map.put("field", r.field());
    map.put("reason", r.reason());
    return map;
  }

  private static Format format(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
    return switch (type) {
      case "text/csv", "application/csv" -> Format.CSV;
      case "application/xml", "text/xml" -> Format.CTF;
      default -> throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Send text/csv (the register's CSV layout) or application/xml (a Common Transfer File).");
    };
  }
}
