package uk.schoolattendance.casefile.find;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.schoolattendance.casefile.index.CaseReferenceText;
import uk.schoolattendance.casefile.index.NameWords;
import uk.schoolattendance.persons.AddressWords;

/**
 * What a person typed into "Find a pupil", understood as one kind of search: a case reference
 * ("AC-2026-000123", or typed short and in any case: "ac-2026-123"), a UPN (13 characters), a school's URN (6 digits), a date of birth
 * ("28/05/2016", "28-5-2016", "28 May 2016", "2016-05-28"), a parent's postcode ("SS1 9ZX", "ss19zx") or its outward code alone ("SS1"), words
 * of a parent's address with its house number ("1 Marine Parade", a postcode in it too) or words of a name (a
 * pupil's, a parent's or a school's, each word matched from its start; a parent's address when no name has them).
 */
public record PupilQuery(Kind kind, String text, LocalDate born, List<String> words) {

  public enum Kind {
    EMPTY,
    REFERENCE,
    UPN,
    URN,
    DATE_OF_BIRTH,
    NAME,
    /** A postcode, whatever its spacing and case ({@code text}: SS19ZX). */
    POSTCODE,
    /** A postcode's outward code alone, its district, whatever its spacing and case ({@code text}: SS1). */
    OUTWARD,
    /** Words of an address with a house number ("1 Marine Parade", "Flat 2, 10 Sea Road SS1 9ZX"). */
    ADDRESS
  }

  static final Pattern REFERENCE = CaseReferenceText.TYPED;
  static final Pattern UPN = Pattern.compile("(?i)[A-Z]\\d{12}|[A-Z]\\d{11}[A-Z]");
  static final Pattern URN = Pattern.compile("\\d{6}");
  static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})[/\\-. ](\\d{1,2})[/\\-. ](\\d{4})");
  static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  static final int MAX_WORDS = 5;
  /** The most words of an address looked up (each one look-up on the words' index). */
  static final int MAX_ADDRESS_WORDS = 8;
  /** A word that starts with a digit: a house or flat number, so the words are an address. */
  static final Pattern HOUSE_NUMBER = Pattern.compile("(?:^|[\\s,])\\d");

  private static final DateTimeFormatter WORDS_DATE =
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM uuuu").toFormatter(Locale.UK)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter SHORT_MONTH_DATE =
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMM uuuu").toFormatter(Locale.UK)
          .withResolverStyle(ResolverStyle.STRICT);

  public static PupilQuery of(String typed) {
    String text = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return new PupilQuery(Kind.EMPTY, "", null, List.of());
    }
    if (REFERENCE.matcher(text).matches()) {
      return new PupilQuery(Kind.REFERENCE, CaseReferenceText.full(text), null, List.of());
    }
    String squeezed = text.replace(" ", "");
    if (UPN.matcher(squeezed).matches()) {
      return new PupilQuery(Kind.UPN, squeezed.toUpperCase(Locale.UK), null, List.of());
    }
    if (URN.matcher(text).matches()) {
      return new PupilQuery(Kind.URN, text, null, List.of());
    }
    Optional<LocalDate> born = date(text);
    if (born.isPresent()) {
      return new PupilQuery(Kind.DATE_OF_BIRTH, text, born.get(), List.of());
    }
    String postcode = AddressWords.wholePostcode(text);
    if (postcode != null) {
      return new PupilQuery(Kind.POSTCODE, postcode, null, List.of());
    }
    String outward = AddressWords.wholeOutward(text);
    if (outward != null) {
      return new PupilQuery(Kind.OUTWARD, outward, null, List.of());
    }
    if (HOUSE_NUMBER.matcher(text).find()) {
      List<String> addressWords = AddressWords.words(text).stream().limit(MAX_ADDRESS_WORDS).toList();
      if (!addressWords.isEmpty() || AddressWords.postcode(text) != null) {
        return new PupilQuery(Kind.ADDRESS, text, null, addressWords);
      }
    }
    List<String> words = NameWords.words(text).stream().limit(MAX_WORDS).toList();
    return words.isEmpty() ? new PupilQuery(Kind.EMPTY, text, null, List.of()) : new PupilQuery(Kind.NAME, text, null, words);
  }

  /** The postcode searched for as it is written ("SS1 9ZX"), or null: a postcode search's, or one typed within an address. */
  public String postcode() {
    String code = kind == Kind.POSTCODE ? text : kind == Kind.ADDRESS ? AddressWords.postcode(text) : null;
    return code == null ? null : code.substring(0, code.length() - 3) + " " + code.substring(code.length() - 3);
  }

  /** A date of birth from the day, month and year fields. */
  public static PupilQuery ofDate(LocalDate born) {
    return new PupilQuery(Kind.DATE_OF_BIRTH, "", born, List.of());
  }

  /** A date as people type one: 28/05/2016, 28-5-2016, 28.5.2016, 28 May 2016, 28 may 2016, 2016-05-28. */
  static Optional<LocalDate> date(String text) {
    Matcher numeric = NUMERIC_DATE.matcher(text);
    Matcher iso = ISO_DATE.matcher(text);
    try {
      if (iso.matches()) {
        return Optional.of(
            LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))));
      }
      if (numeric.matches()) {
        return Optional.of(
            LocalDate.of(Integer.parseInt(numeric.group(3)), Integer.parseInt(numeric.group(2)),
                Integer.parseInt(numeric.group(1))));
      }
    } catch (DateTimeException notADay) {
      return Optional.empty();
    }
    for (DateTimeFormatter format : List.of(WORDS_DATE, SHORT_MONTH_DATE)) {
      try {
        return Optional.of(LocalDate.parse(text, format));
      } catch (DateTimeException notThisForm) {
        // try the next form
      }
    }
    return Optional.empty();
  }
}
