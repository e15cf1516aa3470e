package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteLibraryTest {

  @TempDir Path dir;

  @Test
  void knowsTheNewestSitesOfEachBookWhateverOrderTheyArriveIn() {
    SiteLibrary library = new SiteLibrary(dir, 3);
    List<String> dropped = new ArrayList<>();
    for (int n = 1; n <= 30; n++) {
      dropped.addAll(library.published("a", commit(n), "ed-a" + n, sha(n), at(n)));
      library.published("b", commit(n), "ed-b" + n, sha(n), at(n));
    }
    // what dropped out is named, so its owner can retire it from the editions topic
    assertThat(dropped).hasSize(27).startsWith("ed-a1", "ed-a2").endsWith("ed-a27");
    // a late record of an old commit drops out at once
    assertThat(library.published("a", commit(5), "ed-a5", sha(5), at(5))).containsExactly("ed-a5");

    for (String book : new String[] {"a", "b"}) {
      assertThat(library.siteIndex(book, commit(30))).contains(sha(30));
      assertThat(library.siteIndex(book, commit(28))).contains(sha(28));
      assertThat(library.siteIndex(book, commit(27))).as("older than the three kept").isEmpty();
    }
    assertThat(library.siteIndex("a", commit(5))).isEmpty();
  }

  private static String commit(int n) {
    return String.format("%040d", n);
  }

  private static String sha(int n) {
    return String.format("%064d", n);
  }

  private static Instant at(int n) {
    return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n);
  }
}
