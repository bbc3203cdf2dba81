package uk.schoolattendance.casefile.casepage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import uk.schoolattendance.casefile.CaseSummaries;
import uk.schoolattendance.casefile.FieldError;
import uk.schoolattendance.casefile.PageNotFoundException;
import uk.schoolattendance.casefile.Viewers;

/**
 * Documents on a case's page: adding one ({@code POST /casework/cases/{ref}/documents}, a
 * multipart form with the CSRF token) and reading one ({@code GET .../documents/{id}}). A file is
 * refused, naming the field, when its bytes are not a PDF, JPEG, PNG or Word document whatever its
 * name says, or when it is larger than the configured limit; nothing is stored then.
 */
@Controller
class CaseDocumentsController {

  private final CasePageReader reader;
  private final CaseDocuments documents;
  private final CaseNotes notes;
  private final CaseDocumentProperties properties;
  private final Viewers viewers;

  CaseDocumentsController(CasePageReader reader, CaseDocuments documents, CaseNotes notes, CaseDocumentProperties properties,
      Viewers viewers) {
    this.reader = reader;
    this.documents = documents;
    this.notes = notes;
    this.properties = properties;
    this.viewers = viewers;
  }

  @PostMapping("/casework/cases/{caseReference}/documents")
  String add(
      @PathVariable String caseReference,
      @RequestParam(name = "document-kind", required = false) String kind,
      @RequestParam(name = "document-file", required = false) MultipartFile file,
      HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
    String caseId = reader.caseIdOf(caseReference);
    if (!notes.mayUpdate(caseId)) {
      throw new org.camunda.bpm.engine.AuthorizationException("adding a document to a case needs UPDATE on it");
    }
    List<FieldError> errors = new ArrayList<>();
    if (kind == null || !CaseDocuments.KINDS.containsKey(kind)) {
      errors.add(new FieldError("document-kind", "Select what the document is"));
    }
    long limit = properties.maxSize().toBytes();
    byte[] bytes = null;
    DocumentTypes.Type type = null;
    if (file == null || file.isEmpty()) {
      errors.add(new FieldError("document-file", "Select a file"));
    } else if (file.getSize() > limit) {
      errors.add(new FieldError("document-file", "The file must be smaller than " + megabytes(limit)));
    } else {
      bytes = read(file, limit);
      Optional<DocumentTypes.Type> found = bytes == null ? Optional.empty() : DocumentTypes.of(bytes);
      if (bytes == null) {
        errors.add(new FieldError("document-file", "The file must be smaller than " + megabytes(limit)));
      } else if (found.isEmpty()) {
        errors.add(new FieldError("document-file", "The selected file must be a PDF, JPEG, PNG or Word document (DOCX)"));
      } else {
        type = found.get();
      }
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("page", reader.read(caseReference, viewers.current(request),
          CasePageReader.Forms.refused(new CasePage.DocumentForm(kind), errors), null));
      return "casefile/case";
    }
    documents.add(caseId, caseReference, kind, DocumentNames.safe(file.getOriginalFilename(), type), type, bytes);
    return "redirect:" + CaseSummaries.href(caseReference) + "?done=document";
  }

  /** A document of the case, for whoever may see the case ("Page not found" otherwise). */
  @GetMapping("/casework/cases/{caseReference}/documents/{documentId}")
  ResponseEntity<byte[]> read(@PathVariable String caseReference, @PathVariable String documentId) {
    String caseId = reader.caseIdOf(caseReference);
    var document = documents.read(caseId, documentId).orElseThrow(() -> new PageNotFoundException("document " + documentId));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.getKey().mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.getKey().fileName()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(document.getValue());
  }

  /** The file's bytes, or null when it holds more than the limit (its declared size can be wrong). */
  private static byte[] read(MultipartFile file, long limit) throws IOException {
    try (InputStream in = file.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, limit + 1));
      return bytes.length > limit ? null : bytes;
    }
  }

  /** A file's size as people read it: "820 KB", "2.4 MB". */
  static String size(long bytes) {
    return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024.0)) + " KB" : megabytes(bytes);
  }

  static String megabytes(long bytes) {
    long mb = bytes / (1024 * 1024);
    return mb * 1024 * 1024 == bytes ? mb + " MB" : String.format(java.util.Locale.UK, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
