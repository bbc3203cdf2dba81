package uk.schoolattendance.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import uk.schoolattendance.ProcessEngineFixture;
import uk.schoolattendance.notices.PenaltyNoticeEntry.Evidence;

/** The authority's sender block, as configured and as the penalty notice prints it. */
class LetterheadTest {

  static final ProcessEngineFixture NOTICES = ProcessEngineFixture.builder("letterhead-test").build();

  @Test
  void theTeamsTelephoneIsReadFromTheAuthoritysConfigurationAndPrintedUnderItsAddress() throws IOException {
    PenaltyNoticeProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
            "attendance.penalty-notices.authority.name", "Seaview Borough Council",
            "attendance.penalty-notices.authority.address", "Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX",
            "attendance.penalty-notices.authority.payment-web-address", "https://www.seaview.example/pay",
            "attendance.penalty-notices.authority.telephone", "01632 960 100")))
        .bind("attendance.penalty-notices", PenaltyNoticeProperties.class).get();
    assertThat(Letterhead.lines(properties.authority())).containsExactly(
        "Seaview Borough Council",
        "Attendance Compliance Team, Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX",
        "Telephone 01632 960 100");

    byte[] pdf = new PenaltyNoticeLetter(NOTICES.schools, properties, NOTICES.dates).render(
        PenaltyNoticeLetterTest.notice("other", new BigDecimal("80.00"), LocalDate.of(2026, 11, 24), 1, Evidence.NONE));
    PdfReader reader = new PdfReader(pdf);
    String[] lines = new PdfTextExtractor(reader).getTextFromPage(1).split("\\R");
    assertThat(java.util.Arrays.stream(lines).limit(4).map(String::strip)).containsExactly(
        "Seaview Borough Council",
        "Attendance Compliance Team, Civic Centre, 1 Marine Parade, Southend-on-Sea SS1 9ZX",
        "Telephone 01632 960 100",
        "Penalty notice PN-2026-000123");
    assertThat(reader.getNumberOfPages()).isEqualTo(1);
    reader.close();
  }

  @Test
  void withoutATelephoneTheBlockIsTheNameTheTeamAndTheAddress() {
    assertThat(Letterhead.lines(PenaltyNoticeProperties.Authority.DEFAULT))
        .containsExactly("The Local Authority", "Attendance Compliance Team, Civic Centre, High Street");
  }
}
