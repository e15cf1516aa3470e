/** What an edition is built from and the port every format's builder implements. */
package io.galley.export.edition;
