package org.gazette.syndication;

import org.gazette.publishing.StoryQuery;

/**
 * Which stories a feed carries and how it names itself.
 *
 * @param key the feed's path without format, such as {@code topics/trade}
 * @param query the stories
 * @param title feed title
 * @param description one sentence for RSS readers
 * @param pagePath the page that lists the same stories
 */
record FeedScope(String key, StoryQuery query, String title, String description, String pagePath) {
}
