/** Downloads of editions and the editions API. */
package io.galley.export.downloads;
