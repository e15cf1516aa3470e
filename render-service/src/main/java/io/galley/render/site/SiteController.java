package io.galley.render.site;

import java.net.URI;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the HTML editions: {@code /books/{bookId}/...} the latest built commit, {@code
 * /books/{bookId}/@{commit}/...} a given one.
 */
@RestController
class SiteController {

  private static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " object-src 'none'; frame-ancestors 'self'";

  private final SiteLibrary library;
  private final SiteReader sites;

  /** Zips written at once: each holds a thread and reads a whole site from disk. */
  private final java.util.concurrent.Semaphore zips;

  SiteController(
      SiteLibrary library, SiteReader sites, io.galley.render.RenderProperties properties) {
    this.library = library;
    this.sites = sites;
    this.zips = new java.util.concurrent.Semaphore(properties.zipConcurrency());
  }

  @GetMapping("/books/{bookId}/{*path}")
  ResponseEntity<?> serve(@PathVariable String bookId, @PathVariable String path)
      throws java.io.IOException {
    if (!SiteLibrary.safeName(bookId)) {
      return problem(HttpStatus.BAD_REQUEST, "Invalid book id", "Not a valid book id: " + bookId);
    }
    String rest = path.startsWith("/") ? path.substring(1) : path;
    if (path.isEmpty()) {
      return redirect("/books/" + bookId + "/");
    }
    String commit;
    boolean pinned = rest.startsWith("@");
    if (pinned && rest.endsWith(".zip") && rest.indexOf('/') < 0) {
      return zip(bookId, rest.substring(1, rest.length() - 4));
    }
    if (pinned) {
      int slash = rest.indexOf('/');
      if (slash < 0 && SiteLibrary.safeName(rest.substring(1))) {
        return redirect("/books/" + bookId + "/" + rest + "/");
      }
      commit = slash < 0 ? "" : rest.substring(1, slash);
      rest = slash < 0 ? "" : rest.substring(slash + 1);
      if (!SiteLibrary.safeName(commit) || !sites.exists(bookId, commit)) {
        return problem(
            HttpStatus.NOT_FOUND,
            "Unknown edition",
            "No HTML edition of " + bookId + " at " + commit);
      }
    } else {
      Optional<String> latest = library.latest(bookId);
      if (latest.isEmpty()) {
        return problem(HttpStatus.NOT_FOUND, "Unknown book", "No HTML edition of book " + bookId);
      }
      commit = latest.get();
    }
    if (rest.isEmpty() || rest.endsWith("/")) {
      rest = rest + "index.html";
    }
    if (!safePath(rest)) {
      return problem(HttpStatus.BAD_REQUEST, "Invalid path", "Path not allowed: " + rest);
    }
    Optional<Resource> file = sites.file(bookId, commit, rest);
    if (file.isEmpty()) {
      return problem(
          HttpStatus.NOT_FOUND, "Not found", "No file " + rest + " in " + bookId + "@" + commit);
    }
    MediaType type = MediaTypeFactory.getMediaType(rest).orElse(MediaType.APPLICATION_OCTET_STREAM);
    if (type.getType().equals("text") && type.getCharset() == null) {
      type = new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
    }
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(
            pinned
                ? CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.noCache())
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Security-Policy",
            rest.endsWith(".svg") ? "default-src 'none'; style-src 'unsafe-inline'" : CSP)
        .body(file.get());
  }

  private ResponseEntity<?> zip(String bookId, String commit) throws java.io.IOException {
    if (!SiteLibrary.safeName(commit) || !sites.exists(bookId, commit)) {
      return problem(
          HttpStatus.NOT_FOUND,
          "Unknown edition",
          "No HTML edition of " + bookId + " at " + commit);
    }
    String name = bookId + "-" + commit.substring(0, Math.min(12, commit.length()));
    if (!zips.tryAcquire()) {
      ProblemDetail p =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "Too many site zips are being written; try again in a few seconds.");
      p.setTitle("Busy");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .header("Retry-After", "5")
          .body(p);
    }
    byte[] zip;
    try {
      // held in memory (StreamingResponseBody answered 500 in the service test; not pursued):
      // the cap above bounds how many sites are in memory at once
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      sites.zip(bookId, commit, name, bytes);
      zip = bytes.toByteArray();
    } finally {
      zips.release();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"")
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable())
        .body(zip);
  }

  static boolean safePath(String rest) {
    for (String segment : rest.split("/", -1)) {
      if (segment.isEmpty()
          || segment.equals(".")
          || segment.equals("..")
          || segment.contains("\\")
          || segment.indexOf('\0') >= 0
          || segment.contains(":")) {
        return false;
      }
    }
    return true;
  }

  private static ResponseEntity<?> redirect(String location) {
    return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
        .location(URI.create(location))
        .build();
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
