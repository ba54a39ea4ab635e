package org.gazette.content;

/**
 * A byline profile: the person a story is credited to. Not an account; a byline may name
 * someone who never signs in.
 *
 * @param id database id
 * @param slug address of the author's page
 * @param name name as printed in bylines
 * @param jobTitle job title, or empty
 * @param bioHtml biography, rendered from Markdown and sanitized when saved
 * @param bioMarkdown biography as written, for the edit form
 * @param mergedIntoId the author this duplicate was merged into, or null for a profile in
 * use
 */
public record Author(long id, String slug, String name, String jobTitle, String bioHtml, String bioMarkdown,
		Long mergedIntoId) implements Profile {
}
