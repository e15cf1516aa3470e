/** The publisher portal. */
package io.galley.export.portal;
