package io.galley.kafka;

/** Fixture: the edge reaching into a service and into storage. */
public class EdgeReader {
  io.galley.render.site.SiteReader site;
  io.galley.blob.Blob blob;
}
