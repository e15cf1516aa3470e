/** Edition files and images in the blob store, and the catalog of published editions. */
package io.galley.export.store;
