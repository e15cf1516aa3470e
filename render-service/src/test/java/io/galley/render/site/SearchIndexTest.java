package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search index written from per-chapter chunks is the index of all entries, byte for byte. */
class SearchIndexTest {

  @TempDir Path dir;

  @Test
  void chunksJoinToTheIndexOfAllEntries() throws Exception {
    List<List<SearchIndex.Entry>> sections =
        List.of(
            List.of(new SearchIndex.Entry("A", "a.html", "text with </script> and \"quotes\"")),
            List.of(),
            List.of(
                new SearchIndex.Entry("B", "b.html#x", "Ünïcode › text"),
                new SearchIndex.Entry("B › C", "b.html#c", "")),
            List.of(new SearchIndex.Entry("D", "d.html", "plain")));
    List<SearchIndex.Entry> all = new ArrayList<>();
    List<SearchIndex.Chunk> chunks = new ArrayList<>();
    for (List<SearchIndex.Entry> s : sections) {
      all.addAll(s);
      chunks.add(SearchIndex.Chunk.of(s));
    }
    SearchIndex.write(dir.resolve("i.json"), dir.resolve("i.js"), chunks);

    String json = SearchIndex.json(all);
    assertThat(Files.readString(dir.resolve("i.json"))).isEqualTo(json);
    assertThat(Files.readString(dir.resolve("i.js")))
        .isEqualTo(SearchIndex.script(json))
        .contains("<\\/script>");
  }

  @Test
  void anEmptyBookHasAnEmptyIndex() throws Exception {
    SearchIndex.write(dir.resolve("i.json"), dir.resolve("i.js"), List.of());
    assertThat(Files.readString(dir.resolve("i.json"))).isEqualTo("[]");
    assertThat(Files.readString(dir.resolve("i.js"))).isEqualTo("window.galleySearchIndex = [];\n");
  }
}
