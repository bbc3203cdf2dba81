package uk.schoolattendance.casefile.register;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNoticeEntry;

/**
 * The register as CSV (RFC 4180): a header row, then one row per notice, dates as ISO days so a
 * spreadsheet sorts them. A cell a spreadsheet would take for a formula (starting {@code =},
 * {@code +}, {@code -}, {@code @}) is prefixed with an apostrophe: a parent's name or address is
 * typed by people and must stay text.
 */
@Component
class NoticeCsv {

  private record Column(String header, Function<PenaltyNoticeEntry, Object> value) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("noticeNumber", PenaltyNoticeEntry::noticeNumber),
          new Column("status", PenaltyNoticeEntry::status),
          new Column("issuedBy", PenaltyNoticeEntry::issuedBy),
          new Column("issuerName", PenaltyNoticeEntry::issuerName),
          new Column("issuerReference", PenaltyNoticeEntry::issuerReference),
          new Column("caseReference", PenaltyNoticeEntry::caseReference),
          new Column("pupilUpn", PenaltyNoticeEntry::pupilUpn),
          new Column("pupilName", PenaltyNoticeEntry::pupilName),
          new Column("schoolUrn", PenaltyNoticeEntry::schoolUrn),
          new Column("parentId", PenaltyNoticeEntry::parentId),
          new Column("parentName", PenaltyNoticeEntry::parentName),
          new Column("parentAddress", PenaltyNoticeEntry::parentAddress),
          new Column("noticeReason", PenaltyNoticeEntry::noticeReason),
          new Column("offenceFrom", PenaltyNoticeEntry::offenceFrom),
          new Column("offenceTo", PenaltyNoticeEntry::offenceTo),
          new Column("sequence", PenaltyNoticeEntry::sequence),
          new Column("preparedOn", PenaltyNoticeEntry::preparedOn),
          new Column("deliveryMethod", PenaltyNoticeEntry::deliveryMethod),
          new Column("issuedOn", PenaltyNoticeEntry::issuedOn),
          new Column("deemedReceivedOn", PenaltyNoticeEntry::deemedReceivedOn),
          new Column("reducedAmount", PenaltyNoticeEntry::reducedAmount),
          new Column("reducedDeadline", PenaltyNoticeEntry::reducedDeadline),
          new Column("fullAmount", PenaltyNoticeEntry::fullAmount),
          new Column("finalDeadline", PenaltyNoticeEntry::finalDeadline),
          new Column("amountPaid", PenaltyNoticeEntry::amountPaid),
          new Column("paidOn", PenaltyNoticeEntry::paidOn),
          new Column("withdrawnOn", PenaltyNoticeEntry::withdrawnOn),
          new Column("withdrawalGround", PenaltyNoticeEntry::withdrawalGround),
          new Column("withdrawalReason", PenaltyNoticeEntry::withdrawalReason),
          new Column("prosecutedOn", PenaltyNoticeEntry::prosecutedOn),
          new Column("informationDeadline", PenaltyNoticeEntry::informationDeadline),
          new Column("issuingOfficerName", PenaltyNoticeEntry::issuingOfficerName));

  String of(List<PenaltyNoticeEntry> notices) {
    StringBuilder csv = new StringBuilder();
    line(csv, COLUMNS.stream().map(Column::header).map(Object.class::cast).toList());
    for (PenaltyNoticeEntry notice : notices) {
      List<Object> cells = new ArrayList<>();
      COLUMNS.forEach(column -> cells.add(column.value().apply(notice)));
      line(csv, cells);
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  static String cell(Object value) {
    return uk.schoolattendance.casefile.CsvCells.cell(value);
  }
}
