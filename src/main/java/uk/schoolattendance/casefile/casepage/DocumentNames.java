package uk.schoolattendance.casefile.casepage;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A file's name made safe to keep and to send back: no folders, no characters a file system or a
 * header would treat specially, at most {@link #MAX} characters, ending as its type does
 * ({@code letter.exe} that is really a PDF becomes {@code letter.exe.pdf}).
 */
final class DocumentNames {

  static final int MAX = 100;

  private DocumentNames() {}

  static String safe(String original, DocumentTypes.Type type) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    name = name.replaceAll("[^A-Za-z0-9 ._()-]", "_").replaceAll("_{2,}", "_").replaceAll("\\s+", " ").strip();
    name = name.replaceAll("^[.\\s]+", "");
    String ending = "." + type.extension();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean typed = lower.endsWith(ending) || (type == DocumentTypes.JPEG && lower.endsWith(".jpeg"));
    String base = typed ? name.substring(0, name.lastIndexOf('.')) : name;
    if (base.isBlank()) {
      base = "document";
    }
    String extension = typed ? name.substring(name.lastIndexOf('.')) : ending;
    if (base.length() + extension.length() > MAX) {
      base = base.substring(0, MAX - extension.length()).strip();
    }
    return base + extension;
  }
}
