package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteLibraryTest {

  @TempDir Path dir;

  @Test
  void knowsTheNewestSitesOfEachBookWhateverOrderTheyArriveIn() {
    SiteLibrary library = new SiteLibrary(dir, 3);
    for (int n = 1; n <= 30; n++) {
      library.published("a", commit(n), sha(n), at(n));
      library.published("b", commit(n), sha(n), at(n));
    }
    library.published("a", commit(5), sha(5), at(5)); // a late record of an old commit

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
