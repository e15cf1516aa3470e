package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index's shards: a chapter's entries in a script named by their digest, and the list of
 * the shards in reading order.
 */
class SearchIndexTest {

  @TempDir Path dir;

  static final List<SearchIndex.Entry> A =
      List.of(new SearchIndex.Entry("A", "a.html", "text with </script> and \"quotes\""));
  static final List<SearchIndex.Entry> B =
      List.of(
          new SearchIndex.Entry("B", "b.html#x", "Ünïcode › text"),
          new SearchIndex.Entry("B › C", "b.html#c", ""));

  @Test
  void aShardHandsItsEntriesToTheSearchUnderItsName() {
    SearchIndex.Chunk a = SearchIndex.Chunk.of(A);
    String script = new String(a.script(), StandardCharsets.UTF_8);
    String prefix = "galleySearchShard(\"" + a.name() + "\", ";
    assertThat(script).startsWith(prefix).endsWith(");\n").contains("<\\/script>");
    String json = script.substring(prefix.length(), script.length() - 3).replace("<\\/", "</");
    assertThat(EventJson.mapper().readValue(json, SearchIndex.Entry[].class))
        .containsExactlyElementsOf(A);
    assertThat(a.path()).isEqualTo("search/" + a.name() + ".js");
  }

  @Test
  void aShardIsNamedByItsEntries() {
    assertThat(SearchIndex.Chunk.of(A).name())
        .isEqualTo(SearchIndex.Chunk.of(List.copyOf(A)).name())
        .isNotEqualTo(SearchIndex.Chunk.of(B).name())
        .hasSize(64);
    assertThat(SearchIndex.Chunk.of(List.of()).name()).isNull();
  }

  @Test
  void theListNamesEachShardOnceInReadingOrder() throws Exception {
    SearchIndex.Chunk a = SearchIndex.Chunk.of(A);
    SearchIndex.Chunk b = SearchIndex.Chunk.of(B);
    SearchIndex.Chunk none = SearchIndex.Chunk.of(List.of());
    SearchIndex.writeList(dir.resolve("list.js"), List.of(b, none, a, b));
    assertThat(Files.readString(dir.resolve("list.js")))
        .isEqualTo("window.galleySearchShards = [\"" + b.name() + "\",\"" + a.name() + "\"];\n");
    SearchIndex.writeList(dir.resolve("empty.js"), List.of());
    assertThat(Files.readString(dir.resolve("empty.js")))
        .isEqualTo("window.galleySearchShards = [];\n");
  }
}
