package io.galley.bench;

import java.util.List;
import java.util.Random;

/** Plausible Go-tutorial prose built from word lists; the same random state gives the same text. */
final class Prose {

  private static final List<String> NOUNS =
      List.of(
          "goroutine",
          "channel",
          "slice",
          "map",
          "interface",
          "struct",
          "method",
          "package",
          "module",
          "function",
          "closure",
          "pointer",
          "error",
          "value",
          "receiver",
          "buffer",
          "context",
          "deadline",
          "handler",
          "request",
          "response",
          "server",
          "client",
          "test",
          "benchmark",
          "compiler",
          "runtime",
          "scheduler",
          "mutex",
          "wait group",
          "select statement",
          "type parameter",
          "constraint",
          "field",
          "tag",
          "encoder",
          "decoder",
          "reader",
          "writer",
          "logger",
          "configuration",
          "dependency",
          "binary",
          "build cache",
          "profile",
          "allocation",
          "heap",
          "stack",
          "garbage collector",
          "loop",
          "variable",
          "constant",
          "string",
          "byte slice",
          "rune",
          "array",
          "iterator",
          "callback",
          "worker pool",
          "pipeline",
          "timeout",
          "signal");

  private static final List<String> VERBS =
      List.of(
          "returns",
          "wraps",
          "allocates",
          "copies",
          "blocks on",
          "closes",
          "reads from",
          "writes to",
          "implements",
          "embeds",
          "checks",
          "handles",
          "passes",
          "stores",
          "shares",
          "cancels",
          "starts",
          "stops",
          "measures",
          "formats",
          "parses",
          "validates",
          "exports",
          "hides",
          "replaces",
          "extends",
          "records",
          "reuses",
          "drains",
          "guards",
          "describes",
          "declares");

  private static final List<String> ADJECTIVES =
      List.of(
          "small",
          "idiomatic",
          "exported",
          "unexported",
          "buffered",
          "unbuffered",
          "concurrent",
          "generic",
          "typed",
          "nil",
          "zero",
          "shared",
          "immutable",
          "short-lived",
          "long-running",
          "explicit",
          "implicit",
          "simple",
          "careful",
          "predictable",
          "readable",
          "fast",
          "safe",
          "blocking",
          "non-blocking",
          "empty",
          "embedded",
          "named",
          "anonymous",
          "standard");

  private static final List<String> OPENERS =
      List.of(
          "In practice,",
          "As a rule,",
          "By convention,",
          "In most programs,",
          "For this reason,",
          "Under the hood,",
          "At first sight,",
          "In the standard library,",
          "When in doubt,",
          "In a real service,",
          "Since Go 1.21,",
          "Unlike many languages,",
          "In tests,");

  private static final List<String> CLAUSES =
      List.of(
          "so the caller never has to guess", "which keeps the code easy to read",
          "because the compiler checks it for you",
              "and the race detector will notice if it does not",
          "so that nothing leaks when the work is cancelled",
              "which is exactly what go vet expects",
          "and the zero value is ready to use", "before the program exits",
          "without any extra synchronisation", "as long as only one goroutine owns it",
          "when the deadline passes", "so the tests stay fast and deterministic");

  private static final List<String> IDENTIFIERS =
      List.of(
          "ctx",
          "err",
          "wg",
          "mu",
          "ch",
          "done",
          "buf",
          "req",
          "resp",
          "cfg",
          "items",
          "result",
          "http.Handler",
          "io.Reader",
          "io.Writer",
          "sync.Mutex",
          "context.Context",
          "errors.Is",
          "fmt.Errorf",
          "time.After",
          "strings.Builder",
          "slices.Sort",
          "json.Marshal",
          "go test");

  private final Random random;

  Prose(Random random) {
    this.random = random;
  }

  String pick(List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  String noun() {
    return pick(NOUNS);
  }

  /** One sentence of 9 to 22 words, sometimes with inline code or emphasis. */
  String sentence() {
    StringBuilder s = new StringBuilder();
    if (random.nextInt(4) == 0) {
      s.append(pick(OPENERS)).append(' ').append(article(false));
    } else {
      s.append(article(true));
    }
    s.append(' ').append(pick(ADJECTIVES)).append(' ').append(noun());
    s.append(' ').append(pick(VERBS)).append(' ').append(article(false)).append(' ');
    int flavour = random.nextInt(6);
    if (flavour == 0) {
      s.append('`').append(pick(IDENTIFIERS)).append('`');
    } else if (flavour == 1) {
      s.append('*').append(pick(ADJECTIVES)).append("* ").append(noun());
    } else {
      s.append(pick(ADJECTIVES)).append(' ').append(noun());
    }
    if (random.nextBoolean()) {
      s.append(", ").append(pick(CLAUSES));
    }
    if (random.nextInt(3) == 0) {
      s.append(" and ").append(pick(VERBS)).append(" the ").append(noun());
    }
    return s.append('.').toString();
  }

  private String article(boolean capital) {
    String a = random.nextInt(3) == 0 ? "a" : "the";
    return capital ? Character.toUpperCase(a.charAt(0)) + a.substring(1) : a;
  }

  /** A paragraph of about {@code words} words. */
  String paragraph(int words) {
    StringBuilder p = new StringBuilder();
    while (countWords(p) < words) {
      if (p.length() > 0) {
        p.append(' ');
      }
      p.append(sentence());
    }
    return p.toString();
  }

  /** A title of two to four capitalised words made only of letters and spaces (stable anchors). */
  String title() {
    String adjective = pick(ADJECTIVES).replace("-", " ");
    String noun = noun();
    String title =
        switch (random.nextInt(3)) {
          case 0 -> adjective + " " + noun + "s";
          case 1 -> "Working with " + noun + "s";
          default ->
              noun + " " + pick(List.of("basics", "patterns", "pitfalls", "internals", "design"));
        };
    return Character.toUpperCase(title.charAt(0)) + title.substring(1);
  }

  /** The id the heading-anchor extension gives a letters-and-spaces heading. */
  static String anchor(String heading) {
    return heading.toLowerCase(java.util.Locale.ROOT).trim().replace(' ', '-');
  }

  static int countWords(CharSequence text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }
}
