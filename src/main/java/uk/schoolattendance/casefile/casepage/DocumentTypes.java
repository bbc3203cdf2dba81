package uk.schoolattendance.casefile.casepage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The types of document a case takes, found from the file's first bytes (its "magic number"),
 * never from its name or the type the browser claims: PDF, JPEG, PNG and Word (DOCX: a ZIP holding
 * {@code word/document.xml}; only the names of its entries are read, never their contents).
 */
final class DocumentTypes {

  /** A type: its media type, the file name ending it gets, and its name in words. */
  record Type(String mediaType, String extension, String words) {}

  static final Type PDF = new Type("application/pdf", "pdf", "PDF");
  static final Type JPEG = new Type("image/jpeg", "jpg", "JPEG image");
  static final Type PNG = new Type("image/png", "png", "PNG image");
  static final Type DOCX =
      new Type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word document");
  static final List<Type> ALL = List.of(PDF, JPEG, PNG, DOCX);

  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final int MAX_ENTRIES = 2000;

  private DocumentTypes() {}

  static Optional<Type> of(byte[] bytes) {
    if (startsWith(bytes, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(bytes, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, ZIP_MAGIC) && isWordDocument(bytes)) {
      return Optional.of(DOCX);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
  }

  /** A ZIP whose entries include the main part of a Word document. */
  private static boolean isWordDocument(byte[] bytes) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      for (int read = 0; read < MAX_ENTRIES && (entry = zip.getNextEntry()) != null; read++) {
        if ("word/document.xml".equals(entry.getName())) {
          return true;
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException notAZip) {
      return false;
    }
  }
}
