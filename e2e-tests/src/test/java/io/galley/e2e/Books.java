package io.galley.e2e;

import io.galley.testsupport.TestImages;
import io.galley.testsupport.TestRepo;
import java.awt.Color;

/** Book fixtures written into real git repositories. */
final class Books {

  static final String BOOK_ID = "tiny-go";
  static final String[] TITLES = {"Why Go", "Hello, World", "Goroutines at a Glance"};
  static final byte[] GOPHER = TestImages.png(40, 30, new Color(0, 173, 216));

  private Books() {}

  /** A three-chapter book with an image, a table and links between chapters. */
  static void tinyGoGuide(TestRepo repo) {
    repo.write(
        "book.yml",
        """
        id: tiny-go
        title: A Tiny Go Guide
        authors: [Ada Editor]
        language: en
        chapters:
          - chapters/why-go.md
          - chapters/hello.md
          - chapters/goroutines.md
        """);
    repo.write(
        "chapters/why-go.md",
        """
        ---
        title: Why Go
        order: 1
        summary: What Go is for.
        ---
        # Why Go

        Go compiles fast and ships as one binary. Continue with [Hello, World](hello.md#running-it).

        ![A blue gopher badge](../images/gopher.png)
        """);
    repo.write(
        "chapters/hello.md",
        """
        ---
        title: Hello, World
        order: 2
        summary: A first program.
        ---
        # Hello, World

        ## Running it

        ```go
        package main

        import "fmt"

        func main() { fmt.Println("hello") }
        ```

        | command | what it does |
        | --- | --- |
        | go run | compiles and runs |
        | go build | writes a binary |
        """);
    repo.write(
        "chapters/goroutines.md",
        """
        ---
        title: Goroutines at a Glance
        order: 3
        summary: Concurrency in one keyword.
        ---
        # Goroutines at a Glance

        Start one with `go f()`; back to [why Go](why-go.md).
        """);
    repo.write("images/gopher.png", GOPHER);
  }
}
