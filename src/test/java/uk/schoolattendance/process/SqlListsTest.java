package uk.schoolattendance.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The parameter lists of SQL: never empty ({@code IN ()} is invalid), chunks in order. */
class SqlListsTest {

  @Test
  void placeholdersAreCommaSeparatedQuestionMarks() {
    assertThat(SqlLists.placeholders(1)).isEqualTo("?");
    assertThat(SqlLists.placeholders(3)).isEqualTo("?, ?, ?");
  }

  @Test
  void anEmptyListIsRefusedBecauseInWithNothingIsInvalidSql() {
    assertThatThrownBy(() -> SqlLists.placeholders(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameters = 0");
    assertThatThrownBy(() -> SqlLists.placeholders(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlLists.row(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlLists.rows(0, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows = 0");
    assertThatThrownBy(() -> SqlLists.rows(2, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rowsOfAMultiRowValues() {
    assertThat(SqlLists.row(3)).isEqualTo("(?, ?, ?)");
    assertThat(SqlLists.rows(1, 1)).isEqualTo("(?)");
    assertThat(SqlLists.rows(2, 2)).isEqualTo("(?, ?), (?, ?)");
  }

  @Test
  void anEmptyListHasNoChunks() {
    assertThat(SqlLists.chunks(List.of(), 500)).isEmpty();
  }

  @Test
  void anExactMultipleGivesFullChunksOnly() {
    assertThat(SqlLists.chunks(List.of(1, 2, 3, 4, 5, 6), 3)).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6));
  }

  @Test
  void theRemainderIsTheLastShorterChunk() {
    List<Integer> ids = IntStream.rangeClosed(1, 1001).boxed().toList();
    List<List<Integer>> chunks = SqlLists.chunks(ids, 500);
    assertThat(chunks).extracting(List::size).containsExactly(500, 500, 1);
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(ids);
    assertThat(SqlLists.chunks(List.of("a", "b"), 500)).containsExactly(List.of("a", "b"));
  }

  @Test
  void chunksAreViewsOfTheListNotCopies() {
    List<String> ids = new ArrayList<>(List.of("a", "b", "c"));
    List<List<String>> chunks = SqlLists.chunks(ids, 2);
    ids.set(2, "z");
    assertThat(chunks.get(1)).containsExactly("z");
  }

  @Test
  void aChunkSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> SqlLists.chunks(List.of("a"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chunk size = 0");
  }
}
