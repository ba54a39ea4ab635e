package org.gazette.site;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gazette.content.DraftPreview;
import org.gazette.content.RevisionDraft;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Byline;

import org.springframework.stereotype.Component;

/**
 * The public story page for a story that is not public: the back office's preview. It is
 * the record that {@code site/story.jte} renders for readers, built the same way, so the
 * preview cannot drift from the page; it never passes through the page cache.
 */
@Component
public class StoryPreviews {

	/** The template a preview renders with: the public story's. */
	public static final String TEMPLATE = "site/story";

	private final ChromeFactory chrome;

	private final Formats formats;

	private final SiteUrls urls;

	private final Clock clock;

	StoryPreviews(ChromeFactory chrome, Formats formats, SiteUrls urls, Clock clock) {
		this.chrome = chrome;
		this.formats = formats;
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
		String title = (draft.title() != null && !draft.title().isBlank()) ? draft.title().strip() : "(No title yet)";
		Instant release = (releaseAt != null) ? releaseAt : this.clock.instant();
		List<Byline> bylines = preview.authors().stream().map((a) -> new Byline(a.name(), a.slug())).toList();
		String body = NewsroomPages.withDateline(draft.type(), draft.dateline(), preview.bodyHtml());
		return new Pages.StoryPage(this.chrome.chrome(title, draft.summary(), null, null).asPreview(backToEditor),
				title, (draft.type() != null) ? this.formats.typeName(draft.type()) : "", this.formats.date(release),
				this.formats.isoDate(release), null, null, this.formats.bylines(bylines), body,
				preview.topics().stream().map((t) -> new Views.Link(t.name(), this.urls.topic(t.slug()))).toList(),
				List.of(), null);
	}

}
