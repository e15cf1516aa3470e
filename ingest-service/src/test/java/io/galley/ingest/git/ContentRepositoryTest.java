package io.galley.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.events.Problem;
import io.galley.ingest.book.BookFiles;
import io.galley.ingest.book.BookLoader;
import io.galley.ingest.validation.Problems;
import io.galley.testsupport.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentRepositoryTest {

  @TempDir Path dir;

  @Test
  void readsCommittedTreesNotTheWorkingTree() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    String c1 = repo.write("a.md", "v1").commit("one");
    repo.write("a.md", "uncommitted");
    try (ContentRepository content =
        ContentRepository.open(repo.dir().toString(), null, dir, null)) {
      assertThat(content.branch()).isEqualTo("main");
      assertThat(content.name()).isEqualTo("content");
      assertThat(content.head()).contains(c1);
      assertThat(content.files(c1).read("a.md").map(b -> new String(b, StandardCharsets.UTF_8)))
          .contains("v1");
      assertThat(content.info(c1).author()).isEqualTo("Ada Editor <ada@example.org>");
    }
  }

  @Test
  void walksTheFirstParentChainOldestFirst() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    String c1 = repo.write("book/a.md", "1").commit("one");
    String c2 = repo.write("other/x.txt", "2").commit("two");
    String c3 = repo.write("book/a.md", "3").commit("three");
    try (ContentRepository content =
        ContentRepository.open(repo.dir().toString(), null, dir, null)) {
      assertThat(content.commitsAfter(c1, c3, 100)).contains(List.of(c2, c3));
      assertThat(content.commitsAfter("0".repeat(40), c3, 100)).isEmpty();
      assertThat(content.folderTree(c2, "book")).isEqualTo(content.folderTree(c1, "book"));
      assertThat(content.folderTree(c3, "book")).isNotEqualTo(content.folderTree(c2, "book"));
      assertThat(content.folderTree(c1, "missing")).isNull();
    }
  }

  @Test
  void clonesAUrlBareAndFetchesNewCommits() {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    String c1 = repo.write("a.md", "1").commit("one");
    String url = repo.dir().toUri().toString();
    try (ContentRepository content =
        ContentRepository.open(url, null, dir.resolve("state"), null)) {
      assertThat(content.head()).contains(c1);
      assertThat(content.name()).isEqualTo("content");
      String c2 = repo.write("a.md", "2").commit("two");
      content.fetch();
      assertThat(content.head()).contains(c2);
    }
    assertThat(dir.resolve("state/repos")).isDirectory();
  }

  @Test
  void rejectsSymlinksLeadingOutsideTheBookFolder() throws Exception {
    TestRepo repo = TestRepo.init(dir.resolve("content"));
    repo.write("secret.md", "# Secret\n")
        .write("book/book.yml", "title: B\n")
        .write("book/a.md", "# A\n");
    Files.createSymbolicLink(repo.dir().resolve("book/evil.md"), Path.of("../secret.md"));
    Files.createSymbolicLink(repo.dir().resolve("book/alias.md"), Path.of("a.md"));
    String c1 = repo.commit("links");
    try (ContentRepository content =
        ContentRepository.open(repo.dir().toString(), null, dir, null)) {
      BookFiles files = content.files(c1);
      assertThat(files.isSymlink("book/evil.md")).isTrue();
      Problems problems = new Problems();
      new BookLoader(1 << 20, 1 << 20).load(files, "book", "book", problems);
      assertThat(problems.all())
          .extracting(Problem::toString)
          .containsExactly(
              "book/evil.md: symbolic link to ../secret.md leads outside the book folder");
    }
  }
}
