package io.galley.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
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

  @Test
  void prunedFoldersLeaveAtOnceAndAreDeletedOnTheSweeper() throws Exception {
    List<Runnable> sweeps = new ArrayList<>();
    SiteLibrary library = new SiteLibrary(dir, 3, sweeps::add);
    for (int n = 1; n <= 3; n++) {
      Path site = library.siteDir("a", commit(n));
      Files.createDirectories(site.resolve("search"));
      Files.writeString(site.resolve("index.html"), "<p>" + n);
      Files.writeString(site.resolve("search/x.js"), "x" + n);
      library.publishedHere("a", commit(n), "ed-a" + n, sha(n), at(n));
    }

    assertThat(library.pruneBuilt("a", Set.of(commit(3)))).isEqualTo(2);

    // gone from the book at once, waiting in the trash until the sweeper runs
    assertThat(library.isBuilt("a", commit(1))).isFalse();
    assertThat(library.isBuilt("a", commit(2))).isFalse();
    assertThat(library.isBuilt("a", commit(3))).isTrue();
    assertThat(sweeps).hasSize(1);
    assertThat(regularFiles(dir.resolve(".trash"))).hasSize(4);
    sweeps.get(0).run();
    assertThat(regularFiles(dir.resolve(".trash"))).isEmpty();
    assertThat(regularFiles(library.siteDir("a", commit(3)))).hasSize(2);
    // the trash is never taken for a book, and a prune with nothing to do sweeps nothing
    assertThat(library.pruneBuilt("a", Set.of(commit(3)))).isZero();
    assertThat(sweeps).hasSize(1);
  }

  private static List<Path> regularFiles(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
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
