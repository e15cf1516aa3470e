/** Joins manifests, rendered chapters and assets, and builds and publishes editions. */
package io.galley.export.assembly;
