package uk.schoolattendance.casefile.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import uk.schoolattendance.notices.PenaltyNoticeEntry;
import uk.schoolattendance.notices.PenaltyNoticeRegister.Refund;

/**
 * The register as CSV (RFC 4180): a header row, then one row per notice, dates as ISO days so a
 * spreadsheet sorts them. A cell a spreadsheet would take for a formula (starting {@code =},
 * {@code +}, {@code -}, {@code @}) is prefixed with an apostrophe: a parent's name or address is
 * typed by people and must stay text.
 *
 * <p>An overpaid notice's refund (V510) closes each row, as a compliance officer reconciles them:
 * {@code refundOwed} the amount still owed back to the payer, {@code refundMade} the amount once
 * refunded, with its day, how, its reference and who recorded it; empty when nothing was overpaid.
 */
@Component
class NoticeCsv {

  /** A notice of the register with its refund, owed or made (null when nothing was overpaid). */
  record Line(PenaltyNoticeEntry notice, Refund refund) {}

  private record Column(String header, Function<PenaltyNoticeEntry, Object> value) {}

  private record RefundColumn(String header, Function<Refund, Object> value) {}

  private static final List<RefundColumn> REFUND_COLUMNS =
      List.of(
          new RefundColumn("refundOwed", refund -> refund.made() ? null : refund.amount()),
          new RefundColumn("refundMade", refund -> refund.made() ? refund.amount() : null),
          new RefundColumn("refundedOn", Refund::refundedOn),
          new RefundColumn("refundMethod", Refund::method),
          new RefundColumn("refundReference", Refund::reference),
          new RefundColumn("refundedBy", Refund::refundedBy));

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

  /** The header row, then every notice {@code notices} hands over, each written as it comes: the export streams. */
  void write(Writer out, Consumer<Consumer<Line>> notices) throws IOException {
    List<Object> headers = new ArrayList<>();
    COLUMNS.forEach(column -> headers.add(column.header()));
    REFUND_COLUMNS.forEach(column -> headers.add(column.header()));
    line(out, headers);
    try {
      notices.accept(each -> {
        List<Object> cells = new ArrayList<>();
        COLUMNS.forEach(column -> cells.add(column.value().apply(each.notice())));
        REFUND_COLUMNS.forEach(column -> cells.add(each.refund() == null ? null : column.value().apply(each.refund())));
        try {
          line(out, cells);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  private static void line(Writer out, List<Object> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String cell(Object value) {
    return uk.schoolattendance.casefile.CsvCells.cell(value);
  }
}
