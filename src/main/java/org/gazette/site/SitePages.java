package org.gazette.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Departure;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStamp;
import org.gazette.publishing.PublicStory;
import org.gazette.publishing.Redirects;
import org.gazette.publishing.StoryCard;
import org.gazette.publishing.StoryList;
import org.gazette.publishing.StoryPosition;
import org.gazette.publishing.StoryQuery;

import org.springframework.stereotype.Service;

/**
 * The whole public site as pages, for the static export: the home page, every page of the
 * news listing, of the listings by kind and by year, of each topic and author, and every
 * story, each under its address with the bytes the server sends for that address. The
 * pages are built by the same {@link NewsroomPages} methods and jte templates as the
 * controller's, only with stories read in bulk (a whole listing by keyset, stories in
 * batches) rather than one page per request.
 */
@Service
public class SitePages {

	/** Stories read and rendered together; one query for all their bylines and topics. */
	static final int STORIES_PER_GROUP = 250;

	private final NewsroomPages pages;

	private final PublicResponses responses;

	private final Newsroom newsroom;

	private final Content content;

	private final SiteUrls urls;

	private final Formats formats;

	private final Redirects redirects;

	SitePages(NewsroomPages pages, PublicResponses responses, Newsroom newsroom, Content content, SiteUrls urls,
			Formats formats, Redirects redirects) {
		this.redirects = redirects;
		this.pages = pages;
		this.responses = responses;
		this.newsroom = newsroom;
		this.content = content;
		this.urls = urls;
		this.formats = formats;
	}

	/**
	 * The site in parts that can be rendered independently, in parallel; what each part
	 * holds is read when it is rendered, as of that moment.
	 */
	public List<PageGroup> groups() {
		List<PageGroup> groups = new ArrayList<>();
		groups.add(new PageGroup("home", (out) -> out.accept(page("/", "site/home.jte", this.pages.home()))));
		groups.add(news("news", new ListingParameters(null, null, null, 1)));
		for (ArticleType type : ArticleType.values()) {
			groups.add(news("news of kind " + type.code(), new ListingParameters(type, null, null, 1)));
		}
		this.newsroom.releaseSpan().ifPresent((span) -> {
			int first = span.first().atZone(this.formats.zone()).getYear();
			for (int year = span.last().atZone(this.formats.zone()).getYear(); year >= first; year--) {
				groups.add(news("news of " + year, new ListingParameters(null, null, year, 1)));
			}
		});
		this.content.topics()
			.forEach(
					(topic) -> groups.add(new PageGroup("topic " + topic.slug(),
							(out) -> walk(StoryQuery.byTopic(topic.id()),
									(list) -> this.pages.topic(topic.slug(), topic, list),
									(n) -> this.urls.topic(topic.slug(), n), out))));
		for (Author author : this.content.authors()) {
			groups.add(new PageGroup("author " + author.slug(),
					(out) -> walk(StoryQuery.byAuthor(author.id()),
							(list) -> this.pages.author(author.slug(), author, list),
							(n) -> this.urls.author(author.slug(), n), out)));
		}
		groups.add(new PageGroup("former addresses", this::departures));
		List<Long> ids = this.newsroom.stamps(0, Integer.MAX_VALUE).stream().map(PublicStamp::id).toList();
		for (int from = 0; from < ids.size(); from += STORIES_PER_GROUP) {
			List<Long> batch = ids.subList(from, Math.min(ids.size(), from + STORIES_PER_GROUP));
			groups.add(new PageGroup("stories " + batch.get(0) + "–" + batch.get(batch.size() - 1), (out) -> {
				for (PublicStory story : this.newsroom.stories(batch)) {
					out.accept(page(this.urls.story(story.slug()), "site/story.jte", this.pages.story(story)));
				}
			}));
		}
		return groups;
	}

	/**
	 * A page at each address where a story was and is no longer public, as a static host
	 * can serve it: a withdrawn story under its notice (as the server), the page the
	 * server sends with 410 for a story taken down, and where the server answers 301 (a
	 * former slug, a story redirected or consolidated) a page that sends the browser on.
	 */
	private void departures(Consumer<SitePage> out) {
		this.newsroom.departures().forEach((slug, departure) -> {
			String path = this.urls.story(slug);
			if (departure instanceof Departure.Withdrawn withdrawn) {
				out.accept(page(path, "site/story.jte", this.pages.withdrawn(withdrawn)));
			}
			else if (departure instanceof Departure.Gone gone) {
				out.accept(page(path, "site/gone.jte", this.pages.gone(gone)));
			}
			else if (departure instanceof Departure.Moved moved) {
				out.accept(page(path, "site/moved.jte", this.pages.moved(this.urls.story(moved.slug()))));
			}
			else if (departure instanceof Departure.Redirected redirected) {
				out.accept(page(path, "site/moved.jte", this.pages.moved(redirected.url())));
			}
		});
	}

	/**
	 * A page for each redirect the newsroom keeps (old permalinks of a former site, kept
	 * by admins or an import), sending the browser on as the server's 301 does. The
	 * server answers these only where nothing else lives, so the export writes them last,
	 * where no other page is.
	 */
	public List<SitePage> redirectPages() {
		return this.redirects.all()
			.stream()
			.map((redirect) -> page(redirect.fromPath(), "site/moved.jte", this.pages.movedPage(redirect.toUrl())))
			.toList();
	}

	/**
	 * The page a static host shows for an address it does not have: the server's own 404
	 * page.
	 */
	public SitePage notFound() {
		return page("/404.html", "site/error.jte", this.pages.error(404, null));
	}

	private PageGroup news(String name, ListingParameters first) {
		StoryQuery query = this.pages.newsQuery(first, null);
		return new PageGroup(name,
				(out) -> walk(query, (list) -> this.pages.news(withPage(first, list.page()), null, list),
						(n) -> this.urls.news(withPage(first, n).asQuery()), out));
	}

	/** Every page of a listing, newest first, reading each next page by keyset. */
	private void walk(StoryQuery query, Function<StoryList, Pages.ListingPage> build, IntFunction<String> path,
			Consumer<SitePage> out) {
		long total = this.newsroom.count(query);
		int pageSize = NewsroomPages.PAGE_SIZE;
		int pageCount = (int) Math.max(1, (total + pageSize - 1) / pageSize);
		StoryPosition after = null;
		for (int page = 1; page <= pageCount; page++) {
			List<StoryCard> cards = (total > 0) ? this.newsroom.listAfter(query, after, pageSize) : List.of();
			out.accept(page(path.apply(page), "site/listing.jte",
					build.apply(new StoryList(cards, total, page, pageSize))));
			if (!cards.isEmpty()) {
				StoryCard last = cards.get(cards.size() - 1);
				after = new StoryPosition(last.releaseAt(), last.id());
			}
		}
	}

	private static ListingParameters withPage(ListingParameters parameters, int page) {
		return new ListingParameters(parameters.type(), parameters.topicSlug(), parameters.year(), page);
	}

	private SitePage page(String path, String template, Object page) {
		return new SitePage(path, this.responses.renderToString(template, page).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A public page.
	 *
	 * @param path its address, such as {@code /news/page/2}
	 * @param html the bytes the server sends for it
	 */
	public record SitePage(String path, byte[] html) {
	}

	/**
	 * A part of the site rendered as one unit of work.
	 *
	 * @param name what it is, for messages
	 * @param renderer renders each page and hands it to the consumer given
	 */
	public record PageGroup(String name, Consumer<Consumer<SitePage>> renderer) {

		/** Renders the group's pages, handing each to {@code out} as it is made. */
		public void render(Consumer<SitePage> out) {
			this.renderer.accept(out);
		}

	}

}
