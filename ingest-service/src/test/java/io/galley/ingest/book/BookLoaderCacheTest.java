package io.galley.ingest.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Digests;
import io.galley.events.Problem;
import io.galley.ingest.git.ContentRepository;
import io.galley.ingest.validation.Problems;
import io.galley.testsupport.TestImages;
import io.galley.testsupport.TestRepo;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loader that keeps its parse cache across commits gives exactly what a cold loader gives on the
 * same commit, and parses only the chapter files whose blobs it has not seen.
 */
class BookLoaderCacheTest {

  private static final long DOC = 1 << 20;
  private static final long IMG = 1 << 20;

  @TempDir Path dir;

  @Test
  void everyCommitLoadsAsAColdLoaderWouldThroughEditsRenamesDeletionsAndReplacedImages() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    List<String> commits = new ArrayList<>();
    repo.write("book/book.yml", "title: T\n")
        .write("book/a.md", "---\norder: 1\n---\n# A\n\n[to b](b.md)\n\n![x](img/x.png)\n")
        .write("book/b.md", "---\norder: 2\n---\n# B\n\nSee [c](c.md#top) and ![y](img/y.png).\n")
        .write("book/c.md", "---\norder: 3\n---\n# C\n\n```\n![not](img/none.png)\n```\n")
        .write("book/d.md", "---\ndraft: true\n---\n# D\n")
        .write("book/img/x.png", TestImages.png(2, 2, Color.RED))
        .write("book/img/y.png", TestImages.png(3, 3, Color.BLUE));
    commits.add(repo.commit("one"));
    commits.add(
        repo.write("book/a.md", "# A again\n\n[to b](b.md)\n![x](img/x.png)\n").commit("edit"));
    // rename b.md: the unchanged a.md now links to a missing chapter
    commits.add(
        repo.delete("book/b.md")
            .write(
                "book/b2.md", "---\norder: 2\n---\n# B\n\nSee [c](c.md#top) and ![y](img/y.png).\n")
            .commit("rename"));
    // deleting c.md breaks the link of the unchanged b2.md
    commits.add(repo.delete("book/c.md").commit("delete"));
    // same path, other bytes: the manifest must carry the new hash
    commits.add(repo.write("book/img/x.png", TestImages.png(5, 5, Color.GREEN)).commit("image"));
    // strict links turn the warnings of unchanged chapters into errors
    commits.add(repo.write("book/book.yml", "title: T\nstrictLinks: true\n").commit("strict"));
    commits.add(repo.write("book/book.yml", "title: [T\n").commit("malformed"));
    commits.add(repo.write("book/book.yml", "title: T\n").commit("lenient"));
    // an image deleted under an unchanged chapter, a draft published with a bad order
    commits.add(
        repo.delete("book/img/y.png")
            .write("book/d.md", "---\norder: soon\n---\n# D\n![gone](img/gone.png)\n")
            .commit("breakages"));
    // the first commit's content again (as after a revert or a force-push)
    repo.delete("book/b2.md")
        .write("book/b.md", "---\norder: 2\n---\n# B\n\nSee [c](c.md#top) and ![y](img/y.png).\n")
        .write("book/a.md", "---\norder: 1\n---\n# A\n\n[to b](b.md)\n\n![x](img/x.png)\n")
        .write("book/c.md", "---\norder: 3\n---\n# C\n\n```\n![not](img/none.png)\n```\n")
        .write("book/d.md", "---\ndraft: true\n---\n# D\n")
        .write("book/img/x.png", TestImages.png(2, 2, Color.RED))
        .write("book/img/y.png", TestImages.png(3, 3, Color.BLUE));
    commits.add(repo.commit("back"));

    BookLoader warm = new BookLoader(DOC, IMG);
    try (ContentRepository content =
        ContentRepository.open(repo.dir().toString(), null, dir, null)) {
      List<String> outcomes = new ArrayList<>();
      for (String commit : commits) {
        Loaded expected = Loaded.of(new BookLoader(DOC, IMG), content.files(commit));
        Loaded actual = Loaded.of(warm, content.files(commit));
        assertThat(actual).as(commit).isEqualTo(expected);
        outcomes.add(expected.book().isPresent() ? "ok" : "rejected");
      }
      assertThat(outcomes)
          .containsExactly(
              "ok", "ok", "ok", "ok", "ok", "rejected", "rejected", "ok", "rejected", "ok");
      // also when every entry is evicted at once: the cache can only skip work, never change it
      BookLoader tiny = new BookLoader(DOC, IMG, 1);
      for (String commit : commits) {
        assertThat(Loaded.of(tiny, content.files(commit)))
            .isEqualTo(Loaded.of(new BookLoader(DOC, IMG), content.files(commit)));
      }
    }
  }

  @Test
  void parsesOnlyTheChaptersAndHashesOnlyTheImagesWhoseBlobsAreNew() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    repo.write("book/book.yml", "title: T\n")
        .write("book/img/x.png", TestImages.png(2, 2, Color.RED));
    for (int i = 0; i < 20; i++) {
      repo.write(
          "book/c" + i + ".md", "# C" + i + "\n\n![x](img/x.png) [next](c" + (i + 1) + ".md)\n");
    }
    String c1 = repo.commit("twenty chapters");
    String c2 = repo.write("book/c7.md", "# C7, edited\n").commit("edit one");
    String c3 = repo.write("book/img/x.png", TestImages.png(4, 4, Color.RED)).commit("new image");
    BookLoader loader = new BookLoader(DOC, IMG);
    try (ContentRepository content =
        ContentRepository.open(repo.dir().toString(), null, dir, null)) {
      Loaded.of(loader, content.files(c1));
      assertThat(loader.chapterParses()).isEqualTo(20);
      assertThat(loader.imageHashes()).isEqualTo(1);
      Loaded.of(loader, content.files(c1));
      assertThat(loader.chapterParses()).isEqualTo(20);
      Loaded edited = Loaded.of(loader, content.files(c2));
      assertThat(loader.chapterParses()).isEqualTo(21);
      assertThat(loader.imageHashes()).isEqualTo(1);
      assertThat(edited.problems())
          .containsExactly("book/c19.md:3: warning: link to missing chapter c20.md");
      Loaded.of(loader, content.files(c3));
      assertThat(loader.chapterParses()).isEqualTo(21);
      assertThat(loader.imageHashes()).isEqualTo(2);
    }
  }

  /** What a load gives, comparable: the book (assets by their bytes' hash) and every problem. */
  record Loaded(Optional<Object> book, List<String> problems) {

    static Loaded of(BookLoader loader, BookFiles files) {
      Problems problems = new Problems();
      Optional<Book> book = loader.load(files, "book", "book", problems);
      return new Loaded(
          book.map(
              b ->
                  List.of(
                      b.folder(),
                      b.metadata(),
                      b.chapters(),
                      b.assets().entrySet().stream()
                          .map(
                              e ->
                                  e.getKey()
                                      + " "
                                      + e.getValue().ref()
                                      + " "
                                      + Digests.sha256Hex(e.getValue().bytes()))
                          .toList())),
          problems.all().stream().map(Problem::toString).toList());
    }
  }
}
