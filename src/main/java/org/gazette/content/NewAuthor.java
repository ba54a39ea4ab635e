package org.gazette.content;

/**
 * What an editor gives to create a byline profile.
 *
 * @param slug address of the profile page
 * @param name name as printed in bylines
 * @param jobTitle job title, may be blank
 * @param bioMarkdown biography in Markdown, may be blank
 */
public record NewAuthor(String slug, String name, String jobTitle, String bioMarkdown) {
}
