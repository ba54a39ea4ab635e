package org.gazette.content;

/**
 * A story body rendered ahead of its save, by {@link Content#render}: an importer renders
 * the next batch's bodies on one thread while it saves the last batch on another. Only
 * {@code Content} makes one, so a save can trust the HTML it carries.
 */
public final class RenderedBody {

	private final String markdown;

	private final String html;

	RenderedBody(String markdown, String html) {
		this.markdown = markdown;
		this.html = html;
	}

	/** The Markdown it was rendered from. */
	public String markdown() {
		return this.markdown;
	}

	String html() {
		return this.html;
	}

	/** Whether it is the rendering of this Markdown. */
	boolean isOf(String markdown) {
		return this.markdown.equals(markdown);
	}

}
