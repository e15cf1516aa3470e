package io.galley.bench;

/** The cold-start and idle-heap phases' figures as markdown. */
final class ColdReport {

  private ColdReport() {}

  static String markdown(ColdStart.Result cold, BenchOptions o) {
    StringBuilder md = new StringBuilder("\n## Cold start and idle heap (sample guide)\n\n");
    if (o.coldStart()) {
      md.append(
          String.format(
              "infra/local/run with a fresh state folder (Kafka fetched and formatted, three"
                  + " services started, the guide ingested and built), timed from the runner's"
                  + " start%s: GET /api/editions lists the HTML edition after %s s and all three"
                  + " after %s s.%n",
              cold.timedFromBuildEnd ? " (after the build of stale jars it did first)" : "",
              Report.num(cold.htmlSeconds),
              Report.num(cold.allSeconds)));
    }
    if (o.idleHeap()) {
      md.append(
          "\n| service | heap used after a 10 s settle, MiB | heap used after a full GC"
              + " (jcmd GC.run), MiB |\n| --- | ---: | ---: |\n");
      for (String service : new java.util.TreeSet<>(ColdStart.SERVICES.keySet())) {
        md.append(
            String.format(
                "| %s | %s | %s |%n",
                service,
                cold.settledHeapMib.getOrDefault(service, -1L),
                cold.idleHeapMib.getOrDefault(service, -1L)));
      }
      md.append(
          "\nBoth read from the service's own jvm.memory.used{area=heap} (/actuator/prometheus)."
              + " The verdict uses the figure after a full GC: without one, the used heap says when"
              + " G1 last collected (eden fills up to its size at rest), not what the service"
              + " holds.\n");
    }
    if (!cold.note.isBlank()) {
      md.append("\nNote: ").append(cold.note.trim()).append('\n');
    }
    return md.toString();
  }
}
