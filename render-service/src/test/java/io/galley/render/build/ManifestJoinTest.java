package io.galley.render.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galley.events.AssetRef;
import io.galley.events.BookMetadata;
import io.galley.events.ChapterEntry;
import io.galley.events.CommitIngested;
import io.galley.events.Digests;
import io.galley.events.SourceDocument;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestJoinTest {

  @TempDir Path dir;

  static final byte[] IMAGE = {7, 7};
  static final AssetRef ASSET = new AssetRef("a.png", Digests.sha256Hex(IMAGE), "image/png");

  static SourceDocument source(String text) {
    return new SourceDocument(
        "b", "intro", "intro.md", "c", Digests.sha256Hex(text), Map.of(), text, 0, List.of());
  }

  static CommitIngested manifest(String commit, SourceDocument intro) {
    return new CommitIngested(
        "b",
        commit,
        null,
        "",
        "",
        Instant.EPOCH,
        new BookMetadata("b", "B", null, null, null, null, null, null, null, null),
        List.of(new ChapterEntry("intro", intro.sha256(), "Intro")),
        List.of(ASSET),
        List.of(),
        List.of(),
        true,
        List.of());
  }

  @Test
  void waitsForEverySourceButNeverForImagesWhateverTheArrivalOrder() {
    ManifestJoin join = new ManifestJoin();
    SourceDocument intro = source("# Intro\n");
    join.onManifest(manifest("c1", intro));
    assertThat(join.takeReady()).isEmpty();
    // the manifest names an image nobody stored: a build finds out (and fails), the join does not
    // wait for it
    join.onSource(intro);
    assertThat(join.takeReady()).map(CommitIngested::commit).contains("c1");
    assertThat(join.takeReady()).isEmpty();
  }

  @Test
  void buildsOnlyTheNewestPendingManifestOfABook() {
    ManifestJoin join = new ManifestJoin();
    SourceDocument v1 = source("# One\n");
    SourceDocument v2 = source("# Two\n");
    join.onManifest(manifest("c1", v1));
    join.onManifest(manifest("c2", v2));
    join.onSource(v1);
    assertThat(join.takeReady()).isEmpty(); // c1 was superseded
    join.onSource(v2);
    assertThat(join.takeReady()).map(CommitIngested::commit).contains("c2");
    assertThat(join.pendingCount()).isZero();
  }

  static SourceDocument source(String bookId, String text) {
    return new SourceDocument(
        bookId, "intro", "intro.md", "c", Digests.sha256Hex(text), Map.of(), text, 0, List.of());
  }

  static CommitIngested manifest(String bookId, String commit, SourceDocument intro) {
    return new CommitIngested(
        bookId,
        commit,
        null,
        "",
        "",
        Instant.EPOCH,
        new BookMetadata(bookId, "B", null, null, null, null, null, null, null, null),
        List.of(new ChapterEntry("intro", intro.sha256(), "Intro")),
        List.of(),
        List.of(),
        List.of(),
        true,
        List.of());
  }

  @Test
  void releasesTheBooksOfRevokedPartitionsWhole() {
    ManifestJoin join = new ManifestJoin();
    SourceDocument a = source("a", "# A\n");
    SourceDocument b = source("b", "# B\n");
    join.onSource(a, 0);
    join.onManifest(manifest("a", "ca", a), 0);
    join.onSource(b, 1);
    join.onManifest(manifest("b", "cb", b), 1);

    assertThat(join.release(Set.of(0))).containsExactly("a");

    assertThat(join.books()).containsExactly("b");
    assertThat(join.pendingCount()).isEqualTo(1);
    assertThat(join.takeReady()).map(CommitIngested::bookId).contains("b");
    // a failed build of a released book is not put back: its new owner builds it
    join.requeue(manifest("a", "ca", a));
    assertThat(join.pendingCount()).isZero();
  }

  @Test
  void keepsOnlyWhatTheNextBuildNeedsAfterAnEdition() {
    ManifestJoin join = new ManifestJoin();
    SourceDocument v1 = source("a", "# One\n");
    SourceDocument v2 = source("a", "# Two\n");
    join.onSource(v1, 0);
    join.onManifest(manifest("a", "c1", v1), 0);
    CommitIngested first = join.takeReady().orElseThrow();
    join.onSource(v2, 0); // the next commit's source arrives before its manifest
    join.built(first);
    assertThat(join.sourceCount()).isEqualTo(2); // v1 (just built) and v2 (newest)

    join.onManifest(manifest("a", "c2", v2), 0);
    CommitIngested second = join.takeReady().orElseThrow();
    join.built(second);
    assertThat(join.sourceCount()).isEqualTo(1); // v1 is no longer needed

    for (int i = 0; i < 50; i++) { // many commits later the state has not grown
      SourceDocument next = source("a", "# Edit " + i + "\n");
      join.onSource(next, 0);
      join.onManifest(manifest("a", "c" + (10 + i), next), 0);
      join.built(join.takeReady().orElseThrow());
    }
    assertThat(join.sourceCount()).isEqualTo(1);
    for (int i = 0; i < 20; i++) { // sources faster than manifests: only the newest is kept
      join.onSource(source("a", "# Burst " + i + "\n"), 0);
    }
    assertThat(join.sourceCount()).isEqualTo(1);
    assertThatThrownBy(() -> join.source("a", manifest("a", "x", v1).chapters().get(0)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keepsTheSourcesOfTheBuildInProgress() {
    ManifestJoin join = new ManifestJoin();
    SourceDocument v1 = source("a", "# One\n");
    join.onSource(v1, 0);
    join.onManifest(manifest("a", "c1", v1), 0);
    CommitIngested building = join.takeReady().orElseThrow();
    join.onSource(source("a", "# Two\n"), 0); // arrives while c1 builds
    assertThat(join.source("a", building.chapters().get(0))).isEqualTo(v1);
  }
}
