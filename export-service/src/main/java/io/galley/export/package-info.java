/** The export service: PDF and EPUB editions, the edition store, downloads and the portal. */
package io.galley.export;
