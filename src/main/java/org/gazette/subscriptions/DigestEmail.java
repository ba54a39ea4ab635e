package org.gazette.subscriptions;

import java.util.List;

/**
 * What a daily digest shows; the {@code email/digest.jte} template takes it.
 *
 * @param siteName the newsroom's name
 * @param agencyName the agency that sends it
 * @param subject the subject line, also the heading
 * @param date "November 28, 2026", the digest's day
 * @param stories the stories, newest first
 * @param siteUrl the newsroom's home page
 * @param manageUrl the subscriber's preferences page
 * @param unsubscribeUrl the unsubscribe page
 */
public record DigestEmail(String siteName, String agencyName, String subject, String date, List<Item> stories,
		String siteUrl, String manageUrl, String unsubscribeUrl) {

	public DigestEmail {
		stories = List.copyOf(stories);
	}

	/**
	 * One story in the digest.
	 *
	 * @param typeName the kind of story ("News release")
	 * @param title the headline
	 * @param url the story's absolute address
	 * @param releaseDate "November 27, 2026"
	 * @param releaseIso the release instant in ISO 8601
	 * @param bylineText "Ana Ruiz and Lee Park", or empty
	 * @param summary the teaser, or empty
	 */
	public record Item(String typeName, String title, String url, String releaseDate, String releaseIso,
			String bylineText, String summary) {
	}

}
