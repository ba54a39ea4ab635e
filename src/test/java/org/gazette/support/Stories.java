package org.gazette.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.ChangeKind;
import org.gazette.content.Content;
import org.gazette.content.NewAuthor;
import org.gazette.content.NewTopic;
import org.gazette.content.RevisionDraft;
import org.gazette.content.Slugs;
import org.gazette.content.Topic;
import org.gazette.publishing.Publishing;

/**
 * Named fixture builders for newsroom content:
 * {@code stories.story("Title").by(jane).about(trade).releasedAt(instant).publish()}.
 */
public final class Stories {

	private final Content content;

	private final Publishing publishing;

	public Stories(Content content, Publishing publishing) {
		this.content = content;
		this.publishing = publishing;
	}

	public Author author(String name) {
		return this.content.createAuthor(new NewAuthor(Slugs.fromTitle(name), name, "Public Affairs Specialist",
				"Writes about " + name + "'s beat."));
	}

	public Topic topic(String name) {
		return this.content.createTopic(new NewTopic(Slugs.fromTitle(name), name, "Stories about " + name + "."));
	}

	public Builder story(String title) {
		return new Builder(title);
	}

	/**
	 * Saves a new revision of the story with another title and body, as someone editing
	 * it would; returns the new revision's number.
	 */
	public int revise(long articleId, String title, String body, String by, String message) {
		RevisionDraft working = this.content.workingRevision(articleId).orElseThrow().toDraft();
		RevisionDraft changed = new RevisionDraft(working.type(), title, working.summary(), working.dateline(), body,
				working.authorIds(), working.topicIds(), working.changeKind(), working.changeNote(), message);
		this.content.revise(articleId, changed, by);
		return this.content.history(articleId).get(0).number();
	}

	/** As {@link #revise(long, String, String, String, String)}, keeping the body. */
	public int revise(long articleId, String title) {
		String body = this.content.workingRevision(articleId).orElseThrow().bodyMarkdown();
		return revise(articleId, title, body, "tester", null);
	}

	/**
	 * A story under construction; {@link #draft()} saves it, {@link #publish()} also
	 * publishes it.
	 */
	public final class Builder {

		private final String title;

		private String slug;

		private ArticleType type = ArticleType.NEWS_RELEASE;

		private String summary;

		private String body = "The agency announced the news today.";

		private String dateline;

		private final List<Long> authors = new ArrayList<>();

		private final List<Long> topics = new ArrayList<>();

		private Instant releaseAt;

		Builder(String title) {
			this.title = title;
			this.summary = "Summary of " + title + ".";
		}

		public Builder slug(String slug) {
			this.slug = slug;
			return this;
		}

		public Builder type(ArticleType type) {
			this.type = type;
			return this;
		}

		public Builder summary(String summary) {
			this.summary = summary;
			return this;
		}

		public Builder body(String markdown) {
			this.body = markdown;
			return this;
		}

		public Builder dateline(String dateline) {
			this.dateline = dateline;
			return this;
		}

		public Builder by(Author... authors) {
			for (Author author : authors) {
				this.authors.add(author.id());
			}
			return this;
		}

		public Builder about(Topic... topics) {
			for (Topic topic : topics) {
				this.topics.add(topic.id());
			}
			return this;
		}

		public Builder releasedAt(Instant releaseAt) {
			this.releaseAt = releaseAt;
			return this;
		}

		public RevisionDraft revision() {
			return new RevisionDraft(this.type, this.title, this.summary, this.dateline, this.body, this.authors,
					this.topics, ChangeKind.MAJOR, null);
		}

		/** Saves the story without publishing it; returns its id. */
		public long draft() {
			return draftBy("tester");
		}

		/** Saves the story as written by the given person, without publishing it. */
		public long draftBy(String by) {
			return Stories.this.content.createArticle(this.slug, revision(), by);
		}

		/**
		 * Saves and publishes the story (scheduled if its release instant is in the
		 * future).
		 */
		public long publish() {
			long id = draft();
			Stories.this.publishing.publish(id, this.releaseAt);
			return id;
		}

	}

}
