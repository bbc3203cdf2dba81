package uk.schoolattendance.casefile.find;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.schoolattendance.casefile.CaseSummaries;
import uk.schoolattendance.casefile.CaseSummary;
import uk.schoolattendance.casefile.VisibleCases;
import uk.schoolattendance.casefile.index.CaseIndex;
import uk.schoolattendance.casefile.index.CaseRow;
import uk.schoolattendance.casefile.index.NameWords;
import uk.schoolattendance.persons.AddressWords;
import uk.schoolattendance.process.ParentStanding;
import uk.schoolattendance.schools.School;
import uk.schoolattendance.schools.SchoolDirectory;

/**
 * Finds cases for "Find a pupil": candidates from the search table (one indexed query), then
 * only those the engine lets the signed-in user read ({@link VisibleCases}), then the other
 * cases of each one's family (a liable parent in common) that the user may also read, each
 * shown under its sibling.
 */
@Component
class PupilSearch {

  /** The most cases a search shows; more asks the person to narrow it. */
  static final int LIMIT = 50;

  private final CaseIndex index;
  private final VisibleCases visible;
  private final CaseSummaries summaries;
  private final SchoolDirectory schools;

  PupilSearch(CaseIndex index, VisibleCases visible, CaseSummaries summaries, SchoolDirectory schools) {
    this.index = index;
    this.visible = visible;
    this.summaries = summaries;
    this.schools = schools;
  }

  /**
   * The cases found, in order, with each one's siblings under it; {@code more} when there were more
   * than shown; {@code closeMatches}, by case id, how a case found only by forgiving a typed word a
   * letter matches ("Lily for Lilly", {@link NameWords#closeMatch}); {@code matchedParents}, by case
   * id, the parents whose address a postcode, outward code or address search matched, so the list
   * says why each pupil is in it.
   */
  record Found(List<CaseSummary> cases, boolean more, Map<String, String> closeMatches,
      Map<String, List<MatchedParent>> matchedParents) {}

  /** A parent whose address a search matched: "Jo Smith", "Mother", "1 Marine Parade, Southend SS1 9ZX". */
  record MatchedParent(String name, String relationship, String address) {

    /** "Jo Smith (mother), 1 Marine Parade, Southend SS1 9ZX". */
    public String words() {
      return name + " (" + relationship.toLowerCase(Locale.UK) + "), " + address;
    }
  }

  Found find(PupilQuery query) {
    // Ask for more candidates than are shown: some may be cases the viewer may not see.
    int candidates = LIMIT * 4;
    Set<String> exact = new HashSet<>();
    Set<String> byAddress = new HashSet<>();
    List<String> ids = switch (query.kind()) {
      case EMPTY -> List.of();
      case REFERENCE -> index.byReference(query.text(), candidates);
      case UPN -> index.byUpn(query.text(), candidates);
      case URN -> index.bySchools(List.of(query.text()), false, candidates);
      case DATE_OF_BIRTH -> index.byDateOfBirth(query.born(), candidates);
      case NAME -> byName(query, candidates, exact, byAddress);
      case POSTCODE -> index.byParentAddress(query.text(), List.of(), candidates);
      case OUTWARD -> index.byParentOutwardCode(query.text(), candidates);
      case ADDRESS -> index.byParentAddress(AddressWords.postcode(query.text()), query.words(), candidates);
    };
    List<String> shown = visible.filter(ids);
    boolean more = shown.size() > LIMIT;
    shown = shown.subList(0, Math.min(LIMIT, shown.size()));
    Map<String, String> closeMatches = new HashMap<>();
    List<CaseSummary> cases = withSiblings(shown, row -> {
      if (query.kind() == PupilQuery.Kind.NAME && !exact.contains(row.caseId())) {
        List<String> names = new ArrayList<>(List.of(row.pupilName() == null ? "" : row.pupilName()));
        row.parents().forEach(parent -> names.add(parent.name()));
        String close = NameWords.closeMatch(query.words(), names);
        if (close != null) {
          closeMatches.put(row.caseId(), close);
        }
      }
    });
    return new Found(cases, more, closeMatches, matchedParents(query, shown, byAddress));
  }

  /**
   * By case, the parents whose address the search matched: for a postcode, an outward code or an
   * address search, and for a name search that found no name and so searched the parents' addresses.
   * The parent rows the search itself joined ({@link CaseIndex#parentAddresses}: the search table's
   * parent, with its relationship, and its person's address), read for all the cases shown in one
   * query: never the case's parents read again, which may have changed since its row was written.
   */
  private Map<String, List<MatchedParent>> matchedParents(PupilQuery query, List<String> shown, Set<String> byAddress) {
    java.util.function.Predicate<String> matches = switch (query.kind()) {
      case POSTCODE -> address -> query.text().equals(AddressWords.postcode(address));
      case OUTWARD -> address -> query.text().equals(AddressWords.outward(AddressWords.postcode(address)));
      case ADDRESS -> {
        String postcode = AddressWords.postcode(query.text());
        yield address -> (postcode == null || postcode.equals(AddressWords.postcode(address)))
            && AddressWords.words(address).containsAll(query.words());
      }
      case NAME -> {
        Set<String> words = AddressWords.words(query.text());
        yield address -> AddressWords.words(address).containsAll(words);
      }
      default -> null;
    };
    List<String> ids = query.kind() == PupilQuery.Kind.NAME
        ? shown.stream().filter(byAddress::contains).toList() : shown;
    if (matches == null || ids.isEmpty()) {
      return Map.of();
    }
    Map<String, List<MatchedParent>> matched = new HashMap<>();
    for (CaseIndex.ParentAddress parent : index.parentAddresses(ids)) {
      if (parent.address() != null && matches.test(parent.address())) {
        matched.computeIfAbsent(parent.caseId(), k -> new ArrayList<>()).add(new MatchedParent(parent.name(),
            new ParentStanding(parent.relationship(), null, null).relationshipWords(), parent.address()));
      }
    }
    return matched;
  }

  /**
   * Exact matches first (each typed word starts a word of the name, or names the school; when none,
   * each typed word is a word of a parent's address), then, while there is room, names one small misspelling away ({@link CaseIndex#byNameWordsNear}).
   */
  private List<String> byName(PupilQuery query, int limit, Set<String> exact, Set<String> byAddress) {
    List<String> words = query.words();
    Set<String> ids = new LinkedHashSet<>(index.byNameWords(words, limit));
    Set<String> urns = schoolsNamed(words);
    if (!urns.isEmpty()) {
      ids.addAll(index.bySchools(urns, false, limit));
    }
    if (ids.isEmpty()) {
      // no name has these words: a street ("Marine Parade") is a parent's address, matched word for word
      ids.addAll(index.byParentAddress(
          null, AddressWords.words(query.text()).stream().limit(PupilQuery.MAX_ADDRESS_WORDS).toList(), limit));
      byAddress.addAll(ids);
    }
    exact.addAll(ids);
    if (ids.size() < limit) {
      ids.addAll(index.byNameWordsNear(words, limit));
    }
    return new ArrayList<>(ids);
  }

  /** The schools every one of whose typed words starts a word of the school's name. */
  private Set<String> schoolsNamed(List<String> words) {
    Set<String> urns = new HashSet<>();
    for (School school : schools.all()) {
      Set<String> name = NameWords.words(school.name());
      if (words.stream().allMatch(word -> name.stream().anyMatch(part -> part.startsWith(word.toLowerCase(Locale.UK))))) {
        urns.add(school.urn());
      }
    }
    return urns;
  }

  private List<CaseSummary> withSiblings(List<String> found, java.util.function.Consumer<CaseRow> eachFound) {
    Map<String, Set<String>> siblings = index.siblings(found);
    Set<String> others = new LinkedHashSet<>();
    siblings.values().forEach(others::addAll);
    others.removeAll(found);
    Set<String> visibleOthers = new HashSet<>(visible.filter(new ArrayList<>(others)));
    List<String> all = new ArrayList<>(found);
    all.addAll(visibleOthers);
    Map<String, CaseRow> rows = index.rows(all).stream().collect(Collectors.toMap(CaseRow::caseId, Function.identity()));
    Map<String, CaseSummary> shown =
        summaries.of(new ArrayList<>(rows.values())).stream()
            .collect(Collectors.toMap(CaseSummary::caseId, Function.identity()));
    found.stream().filter(rows::containsKey).forEach(id -> eachFound.accept(rows.get(id)));
    List<CaseSummary> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    for (String id : found) {
      if (!shown.containsKey(id) || !placed.add(id)) {
        continue;
      }
      ordered.add(shown.get(id));
      for (String sibling : siblings.getOrDefault(id, Set.of())) {
        if ((visibleOthers.contains(sibling) || found.contains(sibling)) && shown.containsKey(sibling) && placed.add(sibling)) {
          ordered.add(shown.get(sibling).asSibling("Same family as " + shown.get(id).pupilName() + sharedParent(rows, id, sibling)));
        }
      }
    }
    return ordered;
  }

  /** ": both have Jo Smith as a parent". */
  private static String sharedParent(Map<String, CaseRow> rows, String one, String other) {
    Set<String> keys = rows.get(one).parents().stream().map(CaseRow.ParentRow::familyKey).collect(Collectors.toSet());
    return rows.get(other).parents().stream()
        .filter(parent -> parent.familyKey() != null && keys.contains(parent.familyKey()))
        .map(parent -> ", parent " + parent.name())
        .findFirst()
        .orElse("");
  }
}
