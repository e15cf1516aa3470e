package io.galley.testsupport;

import java.util.HashSet;
import java.util.Set;

/** Whether two instances of a service have split a topic's partitions between them. */
public final class PartitionSplit {

  private PartitionSplit() {}

  /** Both own some partitions, and together they own all {@code partitions} of them. */
  public static boolean between(Set<Integer> one, Set<Integer> two, int partitions) {
    Set<Integer> all = new HashSet<>(one);
    all.addAll(two);
    return !one.isEmpty() && !two.isEmpty() && all.size() == partitions;
  }
}
