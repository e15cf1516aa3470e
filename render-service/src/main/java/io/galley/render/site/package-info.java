/** The HTML site edition: building multi-page sites from rendered chapters, and serving them. */
package io.galley.render.site;
