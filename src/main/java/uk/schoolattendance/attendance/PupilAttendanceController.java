package uk.schoolattendance.attendance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * A pupil's figures from the register: {@code GET /api/pupils/{upn}/attendance?asOf=YYYY-MM-DD}
 * (default today), exactly the contract's fields. A pupil is readable through the schools where
 * they are enrolled ({@link SchoolAccess}); a pupil the viewer may not read answers 404, as one
 * the register does not know.
 */
@RestController
@RequestMapping("/api/pupils")
class PupilAttendanceController {

  private final AttendanceRegister register;
  private final SchoolAccess access;
  private final SchoolCalendar calendar;
  private final RegistrationCertificate certificate;
  private final OffencePeriodsFromMarks offencePeriods;
  private final StoredRegistrationCertificates documents;
  private final OpenAttendanceCases cases;

  PupilAttendanceController(
      AttendanceRegister register,
      SchoolAccess access,
      SchoolCalendar calendar,
      RegistrationCertificate certificate,
      OffencePeriodsFromMarks offencePeriods,
      StoredRegistrationCertificates documents,
      OpenAttendanceCases cases) {
    this.cases = cases;
    this.documents = documents;
    this.register = register;
    this.access = access;
    this.calendar = calendar;
    this.certificate = certificate;
    this.offencePeriods = offencePeriods;
  }

  /**
   * The offence period from the marks ({@link OffencePeriodsFromMarks}): without {@code from} and {@code
   * to}, the proposal (the most recent window, up to {@code asOf} (default today), in which the
   * threshold was met; {@code thresholdMet} false and no dates when there is none); with them, the
   * check of a narrowed period (400 naming {@code offenceFrom} or {@code offenceTo} when it no
   * longer holds the threshold).
   */
  @GetMapping("/{upn}/offence-period")
  Map<String, Object> offencePeriod(
      @PathVariable String upn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    AttendanceRegister.Pupil pupil = readable(upn);
    OffencePeriodsFromMarks.OffencePeriod period = from == null && to == null
        ? offencePeriods.propose(pupil.upn(), asOf == null ? calendar.today() : asOf).orElse(null)
        : offencePeriods.check(pupil.upn(), from, to);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("upn", pupil.upn());
    body.put("thresholdMet", period != null);
    body.put("offenceFrom", period == null ? null : period.from());
    body.put("offenceTo", period == null ? null : period.to());
    body.put("unauthorisedSessions", period == null ? null : period.unauthorisedSessions());
    body.put("schoolWeeks", period == null ? null : period.schoolWeeks());
    body.put("schoolUrn", pupil.schoolUrn());
    return body;
  }

  /**
   * The registration certificate for the period, a PDF ({@link RegistrationCertificate}), under
   * the same authorizations as the figures.
   */
  @GetMapping(value = "/{upn}/registration-certificate", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> registrationCertificate(
      @PathVariable String upn,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    AttendanceRegister.Pupil pupil = readable(upn);
    byte[] pdf = certificate.pdf(pupil, from, to, calendar.today());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("registration-certificate-" + pupil.upn() + "-" + from + "-" + to + ".pdf")
                .build().toString())
        .body(pdf);
  }

  /**
   * A document generated as evidence for this pupil (the registration certificate of a court case
   * file or a penalty notice), the same bytes as when it was generated, with their SHA-256; under
   * the same authorizations as the figures (404 otherwise, or for another pupil's document).
   */
  @GetMapping("/{upn}/documents/{documentId}")
  ResponseEntity<byte[]> document(@PathVariable String upn, @PathVariable String documentId) {
    AttendanceRegister.Pupil pupil = readable(upn);
    StoredRegistrationCertificates.Content content = documents.content(pupil.upn(), documentId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No document " + documentId + " of pupil " + upn + "."));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.mediaType()))
        .header("X-Content-SHA256", content.document().sha256())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(content.document().id() + ".pdf").build().toString())
        .body(content.bytes());
  }

  /**
   * The pupil, when the register knows them and the viewer may read a school whose roll the pupil
   * is on today, or every school (the authority's staff, who also read a pupil on no school's roll);
   * else 404. A school the pupil left (its leaving date past) reads the pupil no more.
   */
  private AttendanceRegister.Pupil readable(String upn) {
    return register.pupil(upn)
        .filter(p -> access.mayReadAny(p.schools()) || access.mayReadEverySchool())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No pupil " + upn + ", or not visible to you."));
  }

  /**
   * The parents the register holds for the pupil, as a case opened from the register takes them
   * (each liable contact with an address: {@code name}, {@code address}, {@code relationship} where
   * it is one in use, {@code parentalResponsibility} where the register states it), under the same
   * authorizations as the figures (404 otherwise): Tasklist's start form fills them in when a case
   * is opened from the case file (tasklist/scripts/start-case.js), so they need not be in the address.
   */
  @GetMapping("/{upn}/parents")
  com.fasterxml.jackson.databind.JsonNode parents(@PathVariable String upn) {
    return cases.parents(readable(upn).upn());
  }

  @GetMapping("/{upn}/attendance")
  Map<String, Object> attendance(
      @PathVariable String upn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    AttendanceRegister.Pupil pupil = readable(upn);
    Figures f = register.figures(pupil.upn(), asOf == null ? calendar.today() : asOf).orElseThrow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("upn", f.upn());
    body.put("asOf", f.asOf());
    body.put("academicYear", f.academicYear());
    body.put("possibleSessions", f.possibleSessions());
    body.put("presentSessions", f.presentSessions());
    body.put("authorisedAbsence", f.authorisedAbsence());
    body.put("unauthorisedAbsence", f.unauthorisedAbsence());
    body.put("attendancePercent", f.attendancePercent());
    body.put("band", f.band());
    body.put("unauthorisedInLast10SchoolWeeks", f.unauthorisedInLast10SchoolWeeks());
    body.put("thresholdMetOn", f.thresholdMetOn());
    body.put("thresholdWindowFrom", f.thresholdWindowFrom());
    body.put("thresholdWindowTo", f.thresholdWindowTo());
    return body;
  }
}
