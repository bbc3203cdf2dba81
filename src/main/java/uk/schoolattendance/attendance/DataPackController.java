package uk.schoolattendance.attendance;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import uk.schoolattendance.schools.SchoolAccess;
import uk.schoolattendance.schools.SchoolCalendar;

/**
 * A school's Targeting Support Meeting data pack: {@code GET /api/schools/{urn}/data-pack?asOf=}
 * (default today), for whoever may read the school's data ({@link SchoolAccess}); any other school
 * answers 404, as one the authority does not serve.
 */
@RestController
class DataPackController {

  private final DataPacks packs;
  private final SchoolAccess access;
  private final SchoolCalendar calendar;
  private final uk.schoolattendance.schools.SchoolDirectory schools;

  DataPackController(DataPacks packs, SchoolAccess access, SchoolCalendar calendar,
      uk.schoolattendance.schools.SchoolDirectory schools) {
    this.packs = packs;
    this.access = access;
    this.calendar = calendar;
    this.schools = schools;
  }

  @GetMapping("/api/schools/{urn}/data-pack")
  DataPacks.DataPack dataPack(
      @PathVariable String urn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    if (!schools.isKnown(urn) || !access.mayRead(urn)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No school " + urn + ", or not visible to you.");
    }
    return packs.of(urn, asOf == null ? calendar.today() : asOf);
  }
}
