package uk.schoolattendance.attendance;

import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a PDF page puts its text and its horizontal rules, read from the page's content stream
 * (text positions from the text operators, rules from path segments and rectangles), so a test
 * can tell a heading drawn over a table's border from one above it. Ignores {@code cm}
 * transformations, which the certificate does not use.
 */
final class PdfLayout {

  /** A text run: its text and its baseline's height on the page (points from the bottom). */
  record Text(String text, float y) {}

  final List<Text> texts = new ArrayList<>();
  final List<Float> rules = new ArrayList<>();

  static PdfLayout of(byte[] pdf, int page) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      PdfLayout layout = new PdfLayout();
      layout.read(reader.getPageContent(page));
      return layout;
    } finally {
      reader.close();
    }
  }

  private void read(byte[] content) throws IOException {
    PdfContentParser parser = new PdfContentParser(new PRTokeniser(content));
    ArrayList<PdfObject> operands = new ArrayList<>();
    float lineY = 0;
    float leading = 0;
    float pathY = Float.NaN;
    while (true) {
      parser.parse(operands);
      if (operands.isEmpty()) {
        return;
      }
      String operator = operands.get(operands.size() - 1).toString();
      switch (operator) {
        case "BT" -> lineY = 0;
        case "Tm" -> lineY = number(operands, 5);
        case "Td", "TD" -> {
          lineY += number(operands, 1);
          if (operator.equals("TD")) {
            leading = -number(operands, 1);
          }
        }
        case "TL" -> leading = number(operands, 0);
        case "T*" -> lineY -= leading;
        case "Tj", "'", "\"" -> {
          if (!operator.equals("Tj")) {
            lineY -= leading;
          }
          texts.add(new Text(((PdfString) operands.get(operands.size() - 2)).toUnicodeString(), lineY));
        }
        case "TJ" -> {
          StringBuilder text = new StringBuilder();
          for (PdfObject part : ((com.lowagie.text.pdf.PdfArray) operands.get(0)).getElements()) {
            if (part instanceof PdfString s) {
              text.append(s.toUnicodeString());
            }
          }
          texts.add(new Text(text.toString(), lineY));
        }
        case "m" -> pathY = number(operands, 1);
        case "l" -> {
          float y = number(operands, 1);
          if (y == pathY) {
            rules.add(y);
          }
          pathY = y;
        }
        case "re" -> {
          rules.add(number(operands, 1));
          rules.add(number(operands, 1) + number(operands, 3));
        }
        default -> { }
      }
    }
  }

  private static float number(List<PdfObject> operands, int index) {
    PdfObject operand = operands.get(index);
    return operand instanceof PdfNumber n ? n.floatValue() : Float.parseFloat(((PdfLiteral) operand).toString());
  }

  /** The baseline of the first text run that is exactly {@code text}. */
  float baselineOf(String text) {
    return texts.stream().filter(t -> t.text().strip().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no text \"" + text + "\" on the page: " + texts)).y();
  }

  /** The horizontal rules between {@code below} and {@code above} points from the bottom of the page. */
  List<Float> rulesBetween(float below, float above) {
    return rules.stream().filter(y -> y > below && y < above).toList();
  }
}
