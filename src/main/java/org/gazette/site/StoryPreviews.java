package org.gazette.site;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gazette.content.ArticleType;
import org.gazette.content.DraftPreview;
import org.gazette.content.RevisionDraft;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Byline;
import org.gazette.publishing.PreviewOpening;
import org.gazette.publishing.PreviewedStory;
import org.gazette.publishing.TopicLink;

import org.springframework.stereotype.Component;

/**
 * The public story page for a story that is not public: the back office's preview, and
 * the page a preview link opens. It is the record that {@code site/story.jte} renders for
 * readers, built the same way, so the preview cannot drift from the page; it never passes
 * through the page cache.
 */
@Component
public class StoryPreviews {

	/** The template a preview renders with: the public story's. */
	public static final String TEMPLATE = "site/story";

	private final ChromeFactory chrome;

	private final Formats formats;

	private final Messages messages;

	private final SiteUrls urls;

	private final Clock clock;

	private final StoryMedia media;

	StoryPreviews(ChromeFactory chrome, Formats formats, Messages messages, SiteUrls urls, Clock clock,
			StoryMedia media) {
		this.media = media;
		this.chrome = chrome;
		this.formats = formats;
		this.messages = messages;
		this.urls = urls;
		this.clock = clock;
	}

	/**
	 * The story page of a draft.
	 * @param preview the draft, rendered
	 * @param releaseAt when it is released, or null for a story not scheduled yet (the
	 * page shows today's date, as it would if published now)
	 * @param backToEditor the link back to the editor shown in the preview notice
	 */
	public Pages.StoryPage page(DraftPreview preview, Instant releaseAt, Views.Link backToEditor) {
		RevisionDraft draft = preview.draft();
		List<Byline> bylines = preview.authors().stream().map((a) -> new Byline(a.name(), a.slug())).toList();
		List<TopicLink> topics = preview.topics().stream().map((t) -> new TopicLink(t.name(), t.slug())).toList();
		return page(draft.type(), draft.title(), draft.summary(), draft.dateline(), preview.bodyHtml(), releaseAt,
				bylines, topics, new Views.PreviewNotice(this.messages.text("preview.heading"),
						this.messages.text("preview.text"), backToEditor),
				this.media.hero(draft.heroMediaId()), this.media.documents(draft.documentIds()));
	}

	/**
	 * The story page a working preview link opens: the revision it was made for, with a
	 * notice of when the link expires and which save it shows.
	 */
	Pages.StoryPage page(PreviewOpening opening) {
		PreviewedStory story = opening.story();
		return page(story.type(), story.title(), story.summary(), story.dateline(), story.bodyHtml(), story.releaseAt(),
				story.bylines(), story.topics(),
				new Views.PreviewNotice(this.messages.text("preview.link.heading"),
						this.messages.text("preview.link.text", this.formats.dateTime(opening.link().expiresAt()),
								this.formats.dateTime(story.savedAt())),
						null),
				this.media.hero(story.heroMediaId()), this.media.documents(story.documentIds()));
	}

	/**
	 * The page a preview link that does not work opens: what happened, in plain words.
	 */
	Pages.ErrorPage unusable(PreviewOpening opening) {
		String reason = switch (opening.outcome()) {
			case EXPIRED -> "expired";
			case REVOKED -> "revoked";
			default -> "unknown";
		};
		String when = switch (opening.outcome()) {
			case EXPIRED -> this.formats.dateTime(opening.link().expiresAt());
			case REVOKED -> this.formats.dateTime(opening.link().revokedAt());
			default -> "";
		};
		String heading = this.messages.text("preview.link." + reason + ".heading");
		return new Pages.ErrorPage(this.chrome.chrome(heading, heading, null, null), heading,
				this.messages.text("preview.link." + reason + ".message", when));
	}

	private Pages.StoryPage page(ArticleType type, String title, String summary, String dateline, String bodyHtml,
			Instant releaseAt, List<Byline> bylines, List<TopicLink> topics, Views.PreviewNotice notice,
			Views.HeroImage hero, List<Views.DocumentLink> documents) {
		String heading = (title != null && !title.isBlank()) ? title.strip() : "(No title yet)";
		Instant release = (releaseAt != null) ? releaseAt : this.clock.instant();
		String body = NewsroomPages.withDateline(type, dateline, bodyHtml);
		return new Pages.StoryPage(this.chrome.chrome(heading, summary, null, null).asPreview(notice), heading,
				(type != null) ? this.formats.typeName(type) : "", this.formats.date(release),
				this.formats.isoDate(release), null, null, this.formats.bylines(bylines), body,
				topics.stream().map((t) -> new Views.Link(t.name(), this.urls.topic(t.slug()))).toList(), List.of(),
				null, hero, documents);
	}

}
