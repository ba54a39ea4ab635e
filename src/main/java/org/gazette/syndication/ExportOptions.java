package org.gazette.syndication;

import java.net.URI;

/**
 * How to export.
 *
 * @param links how pages link to each other
 * @param baseUrl the base of absolute links, for {@link LinkStyle#ABSOLUTE}
 * @param full write every file again instead of keeping those that have not changed
 */
record ExportOptions(LinkStyle links, URI baseUrl, boolean full) {

}
