package io.galley.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitJoinTest {

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
    CommitJoin join = new CommitJoin();
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
    CommitJoin join = new CommitJoin();
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
}
