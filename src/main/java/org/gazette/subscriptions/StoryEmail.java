package org.gazette.subscriptions;

/**
 * What a story email shows; the {@code email/story.jte} template takes it.
 *
 * @param siteName the newsroom's name
 * @param agencyName the agency that sends it
 * @param typeName the kind of story ("News release")
 * @param title the headline
 * @param releaseDate "November 27, 2026"
 * @param releaseIso the release instant in ISO 8601
 * @param bylineText "Ana Ruiz and Lee Park", or empty
 * @param summary the teaser
 * @param bodyHtml the story's sanitized body
 * @param storyUrl the story's absolute address
 * @param manageUrl the subscriber's preferences page
 * @param unsubscribeUrl the unsubscribe page
 */
public record StoryEmail(String siteName, String agencyName, String typeName, String title, String releaseDate,
		String releaseIso, String bylineText, String summary, String bodyHtml, String storyUrl, String manageUrl,
		String unsubscribeUrl) {
}
