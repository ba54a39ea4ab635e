/** The public newsroom: pages readers see, their caching and conditional responses. */
package org.gazette.site;
