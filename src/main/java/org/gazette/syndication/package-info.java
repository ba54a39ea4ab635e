/**
 * Syndication: RSS and Atom feeds, sitemaps and robots.txt, the read-only JSON API and
 * the static export, each reading public content through the newsroom's visibility rule.
 */
package org.gazette.syndication;
