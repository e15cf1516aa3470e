package io.galley.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.galley.fault.ClusterReport.Decision;
import io.galley.fault.ClusterReport.Edition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClusterReportTest {

  private final Map<String, List<String>> commits = new LinkedHashMap<>();
  private final List<Decision> decisions = new ArrayList<>();
  private final List<Edition> editions = new ArrayList<>();
  private final List<ClusterDownload> duringRun = new ArrayList<>();
  private final List<ClusterDownload> atEnd = new ArrayList<>();
  private final Map<String, Integer> sites = new LinkedHashMap<>();
  private final Map<String, Integer> health = new LinkedHashMap<>();
  private final Map<String, Integer> replication = new LinkedHashMap<>();

  /** Book b, commits c1 then c2, each ingested once, both published; everything served. */
  ClusterReportTest() {
    commits.put("b", List.of("c1", "c2"));
    for (String c : List.of("c1", "c2")) {
      decisions.add(new Decision("b", c, false));
      for (String f : ClusterReport.FORMATS) {
        editions.add(published(c, f));
      }
    }
    duringRun.add(download("export-1", "PDF", 200, "c1-PDF", null));
    atEnd.add(download("export-1", "PDF", 200, "c2-PDF", null));
    atEnd.add(download("export-2", "EPUB", 200, "c2-EPUB", null));
    sites.put("render-1 b", 200);
    health.put("render-1", 200);
    replication.put("guide.commits.v1", 3);
  }

  @Test
  void aRunThatHeldHasNoViolations() {
    assertThat(report().violations()).isEmpty();
    assertThat(report().text()).contains("violations=0").doesNotContain("VIOLATION");
  }

  @Test
  void aCommitMissingTwiceOrRejectedIsAViolation() {
    commits.put("b", List.of("c1", "c2", "c3"));
    decisions.add(new Decision("b", "c1", false));
    decisions.add(new Decision("b", "c2", true));

    assertThat(report().violations())
        .contains(
            "commit c1 of b was published 2 times on guide.commits.v1",
            "commit c2 of b was published 2 times on guide.commits.v1",
            "commit c2 of b was rejected",
            "commit c3 of b is not on guide.commits.v1");
  }

  @Test
  void republishingIdenticalBytesIsFineDifferentBytesAreNot() {
    editions.add(published("c1", "PDF"));
    assertThat(report().violations()).isEmpty();

    editions.add(new Edition("b", "c1", "PDF", "other", null));
    assertThat(report().violations())
        .containsExactly("b@c1/PDF was published with 2 different files [c1-PDF, other]");
  }

  @Test
  void aLastCommitNotPublishedNamesTheNewestAndTheFailure() {
    editions.removeIf(e -> e.commit().equals("c2") && e.format().equals("HTML"));
    editions.add(new Edition("b", "c2", "HTML", "", "render crashed"));

    assertThat(report().violations())
        .containsExactly(
            "b's HTML edition of its last commit c2 was not published (newest published: c1;"
                + " it failed: render crashed)");
  }

  @Test
  void downloadsDuringTheRunMustBeCompletePublishedFiles() {
    duringRun.add(download("export-2", "PDF", 200, "c1-PDF", "does not end with %%EOF"));
    duringRun.add(new ClusterDownload("export-3", "b", "EPUB", 200, "c1-EPUB", "x", 10, null));
    duringRun.add(download("export-3", "PDF", 200, "unknown", null));
    duringRun.add(download("export-3", "PDF", 500, "error-page", null));
    // not served at that moment: a failed download, not a partial file
    duringRun.add(download("export-3", "PDF", 404, "", null));
    duringRun.add(download("export-3", "PDF", 503, "", null));
    duringRun.add(download("export-3", "PDF", -1, "", "java.net.ConnectException"));

    assertThat(report().violations())
        .containsExactly(
            "download during the run: PDF of b from export-2 (10 bytes, 200):"
                + " does not end with %%EOF",
            "download during the run: EPUB of b from export-3 (10 bytes, 200):"
                + " sha256 c1-EPUB != ETag x",
            "download during the run: PDF of b from export-3 (10 bytes, 200):"
                + " sha256 unknown is no published edition of the book",
            "download during the run: PDF of b from export-3 (10 bytes, 500): answered 500");
  }

  @Test
  void everyExportInstanceMustServeTheLastCommitsEditionAtTheEnd() {
    atEnd.add(download("export-3", "PDF", 200, "c1-PDF", null));
    atEnd.add(download("export-3", "EPUB", 404, "", null));

    assertThat(report().endStateViolations())
        .containsExactly(
            "at the end, latest PDF of b from export-3 (10 bytes, 200): not the last commit's"
                + " edition [c2-PDF]",
            "at the end, latest EPUB of b from export-3 (10 bytes, 404): not served");
  }

  @Test
  void sitesHealthAndReplicationAreChecked() {
    sites.put("render-2 b", 404);
    health.put("ingest-2", -1);
    replication.put("guide.editions.v1", 1);

    assertThat(report().endStateViolations())
        .containsExactly(
            "render-2 answers 404 for the site of b", "ingest-2 is not healthy at the end (-1)");
    assertThat(report().violations())
        .contains("topic guide.editions.v1 has replication factor 1, not 3");
    assertThat(report().text()).contains("violations=3", "[cluster] VIOLATION render-2 answers");
  }

  @Test
  void countsEachGroupsGenerationOnce() {
    String joined =
        "[Consumer clientId=c-%d, groupId=%s] Successfully joined group with generation"
            + " Generation{generationId=%d, memberId='m', protocol='range'}";
    Stream<String> lines =
        Stream.of(
            String.format(joined, 1, "galley-render", 1),
            String.format(joined, 2, "galley-render", 1),
            String.format(joined, 3, "galley-render", 2),
            String.format(joined, 1, "galley-export", 1),
            "unrelated line");

    assertThat(ClusterReport.rebalances(lines)).isEqualTo(3);
  }

  private ClusterReport report() {
    return new ClusterReport(
        commits,
        decisions,
        editions,
        duringRun,
        atEnd,
        sites,
        health,
        replication,
        Map.of("commits", 2));
  }

  private static Edition published(String commit, String format) {
    return new Edition("b", commit, format, commit + "-" + format, null);
  }

  private static ClusterDownload download(
      String instance, String format, int status, String sha, String problem) {
    return new ClusterDownload(instance, "b", format, status, sha, sha, 10, problem);
  }
}
