package io.galley.bench;

import java.util.List;
import java.util.Random;

/** Fenced Go and shell code blocks of the kind a Go tutorial shows. */
final class CodeSamples {

  private static final List<String> NAMES =
      List.of(
          "Store",
          "Queue",
          "Cache",
          "Worker",
          "Parser",
          "Limiter",
          "Router",
          "Ledger",
          "Index",
          "Pool",
          "Tracker",
          "Batch",
          "Feed",
          "Inventory",
          "Session",
          "Report");

  private static final List<String> FIELDS =
      List.of(
          "ID string",
          "Name string",
          "Count int",
          "Size int64",
          "Tags []string",
          "Created time.Time",
          "Done bool",
          "Limit int",
          "Items map[string]int",
          "Next *Node");

  private static final List<String> COMMANDS =
      List.of(
          "go test ./...",
          "go test -race -count=1 ./...",
          "go vet ./...",
          "go build -o bin/app ./cmd/app",
          "go mod tidy",
          "go run .",
          "go test -bench=. -benchmem ./...",
          "gofmt -l .",
          "go tool pprof -top cpu.out",
          "go env GOPATH",
          "go list -m all",
          "go install golang.org/x/tools/gopls@latest");

  private final Random random;

  CodeSamples(Random random) {
    this.random = random;
  }

  /** A fenced block; about one in five is a shell session, the rest Go. */
  String block(int chapter, int number) {
    return random.nextInt(5) == 0 ? shell() : go(chapter, number);
  }

  private String shell() {
    StringBuilder b = new StringBuilder("```shell\n");
    int lines = 2 + random.nextInt(3);
    for (int i = 0; i < lines; i++) {
      b.append("$ ").append(COMMANDS.get(random.nextInt(COMMANDS.size()))).append('\n');
    }
    b.append("ok  \texample.com/bench/ch")
        .append(random.nextInt(100))
        .append('\t')
        .append(random.nextInt(9))
        .append('.')
        .append(random.nextInt(900) + 100)
        .append("s\n");
    return b.append("```").toString();
  }

  private String go(int chapter, int number) {
    String type = NAMES.get(random.nextInt(NAMES.size()));
    String receiver = type.substring(0, 1).toLowerCase(java.util.Locale.ROOT);
    StringBuilder b = new StringBuilder("```go\n");
    switch (random.nextInt(3)) {
      case 0 -> {
        b.append("// ")
            .append(type)
            .append(" is used in example ")
            .append(chapter)
            .append('.')
            .append(number)
            .append(".\ntype ")
            .append(type)
            .append(" struct {\n");
        int fields = 2 + random.nextInt(4);
        for (int i = 0; i < fields; i++) {
          b.append('\t').append(FIELDS.get(random.nextInt(FIELDS.size()))).append('\n');
        }
        b.append("}\n\nfunc New")
            .append(type)
            .append("() *")
            .append(type)
            .append(" {\n\treturn &")
            .append(type)
            .append("{}\n}\n");
      }
      case 1 -> {
        b.append("func (")
            .append(receiver)
            .append(" *")
            .append(type)
            .append(") Process(ctx context.Context, items []string) (int, error) {\n")
            .append("\tn := 0\n\tfor _, item := range items {\n")
            .append("\t\tif err := ctx.Err(); err != nil {\n")
            .append("\t\t\treturn n, fmt.Errorf(\"process %s: %w\", item, err)\n\t\t}\n")
            .append("\t\tn += len(item) % ")
            .append(2 + random.nextInt(9))
            .append("\n\t}\n\treturn n, nil\n}\n");
      }
      default -> {
        int workers = 2 + random.nextInt(7);
        b.append("func run")
            .append(type)
            .append("(jobs <-chan int) <-chan int {\n")
            .append("\tout := make(chan int, ")
            .append(workers)
            .append(")\n")
            .append("\tvar wg sync.WaitGroup\n\tfor w := 0; w < ")
            .append(workers)
            .append("; w++ {\n")
            .append("\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n")
            .append("\t\t\tfor j := range jobs {\n\t\t\t\tout <- j * ")
            .append(number)
            .append("\n\t\t\t}\n")
            .append("\t\t}()\n\t}\n\tgo func() { wg.Wait(); close(out) }()\n\treturn out\n}\n");
      }
    }
    if (random.nextInt(3) > 0) {
      example(b, type);
    }
    return b.append("```").toString();
  }

  private void example(StringBuilder b, String type) {
    String value = "v" + random.nextInt(100);
    b.append("\nfunc Example")
        .append(type)
        .append("() {\n\t")
        .append(value)
        .append(" := New")
        .append(type)
        .append("()\n\tif ")
        .append(value)
        .append(" == nil {\n\t\tlog.Fatal(\"no ")
        .append(type.toLowerCase(java.util.Locale.ROOT))
        .append("\")\n\t}\n\tfmt.Printf(\"%+v\\n\", ")
        .append(value)
        .append(")\n\t// Output: &{}\n}\n");
  }
}
