/** The edition store, the asset cache and the catalog of published editions. */
package io.galley.export.store;
