package org.gazette.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.gazette.content.ArticleType;
import org.gazette.content.Author;
import org.gazette.content.Content;
import org.gazette.content.Topic;
import org.gazette.platform.SiteUrls;
import org.gazette.publishing.Departure;
import org.gazette.publishing.Listings;
import org.gazette.publishing.Newsroom;
import org.gazette.publishing.PublicStamp;
import org.gazette.publishing.PublicStory;
import org.gazette.publishing.Redirects;
import org.gazette.publishing.StoryCard;
import org.gazette.publishing.StoryList;
import org.gazette.publishing.StoryQuery;

import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

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

	/** Listing pages whose cards are read in one query. */
	static final int PAGES_PER_READ = 10;

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
		return groups(Selection.EVERY_PAGE);
	}

	/**
	 * The site in parts, as {@link #groups()}, rendering only the story and listing pages
	 * that {@code selection} asks for. Each page it leaves out is handed on as
	 * {@linkplain SitePage#isUnchanged() unchanged}, without bytes. The home page, the
	 * pages of former addresses and the 404 page are always rendered: they are few.
	 */
	public List<PageGroup> groups(Selection selection) {
		List<PageGroup> groups = new ArrayList<>();
		// Every listing's ids from one read of the public stories, made by whichever
		// group needs it first, rather than one filtered scan per listing.
		Supplier<Listings> listings = SingletonSupplier.of(this.newsroom::listings);
		groups.add(new PageGroup("home", (out) -> out.accept(page("/", "site/home.jte", this.pages.home()))));
		// Read once for every news listing page, which each shows them.
		NewsroomPages.FilterChoices choices = this.pages.filterChoices();
		String newsFacts = newsFacts(choices);
		groups.add(news("news", new ListingParameters(null, null, null, 1), newsFacts, choices, listings, selection));
		for (ArticleType type : ArticleType.values()) {
			groups.add(news("news of kind " + type.code(), new ListingParameters(type, null, null, 1), newsFacts,
					choices, listings, selection));
		}
		choices.span().ifPresent((span) -> {
			int first = span.first().atZone(this.formats.zone()).getYear();
			for (int year = span.last().atZone(this.formats.zone()).getYear(); year >= first; year--) {
				groups.add(news("news of " + year, new ListingParameters(null, null, year, 1), newsFacts, choices,
						listings, selection));
			}
		});
		for (Topic topic : choices.topics()) {
			groups.add(listing("topic " + topic.slug(), StoryQuery.byTopic(topic.id()), topic.toString(),
					(list) -> this.pages.topic(topic.slug(), topic, list), (n) -> this.urls.topic(topic.slug(), n),
					listings, selection));
		}
		for (Author author : this.content.authors()) {
			groups.add(listing("author " + author.slug(), StoryQuery.byAuthor(author.id()), author.toString(),
					(list) -> this.pages.author(author.slug(), author, list), (n) -> this.urls.author(author.slug(), n),
					listings, selection));
		}
		groups.add(new PageGroup("former addresses", this::departures));
		List<PublicStamp> stamps = this.newsroom.stamps(0, Integer.MAX_VALUE);
		for (int from = 0; from < stamps.size(); from += STORIES_PER_GROUP) {
			List<PublicStamp> batch = stamps.subList(from, Math.min(stamps.size(), from + STORIES_PER_GROUP));
			groups.add(new PageGroup("stories " + batch.get(0).id() + "–" + batch.get(batch.size() - 1).id(),
					(out) -> stories(batch, selection, out)));
		}
		return groups;
	}

	private void stories(List<PublicStamp> batch, Selection selection, Consumer<SitePage> out) {
		List<Long> chosen = new ArrayList<>();
		for (PublicStamp stamp : batch) {
			String path = this.urls.story(stamp.slug());
			if (selection.render(path, null, List.of(stamp.id()))) {
				chosen.add(stamp.id());
			}
			else {
				out.accept(new SitePage(path, null, null));
			}
		}
		if (!chosen.isEmpty()) {
			for (PublicStory story : this.newsroom.stories(chosen)) {
				out.accept(page(this.urls.story(story.slug()), "site/story.jte", this.pages.story(story)));
			}
		}
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

	private PageGroup news(String name, ListingParameters first, String facts, NewsroomPages.FilterChoices choices,
			Supplier<Listings> listings, Selection selection) {
		StoryQuery query = this.pages.newsQuery(first, null);
		return listing(name, query, facts + "\n" + first,
				(list) -> this.pages.news(withPage(first, list.page()), null, list, choices),
				(n) -> this.urls.news(withPage(first, n).asQuery()), listings, selection);
	}

	/**
	 * What every news listing page shows besides its stories: the filters' topics and
	 * years.
	 */
	private String newsFacts(NewsroomPages.FilterChoices choices) {
		StringBuilder facts = new StringBuilder();
		choices.topics().forEach((topic) -> facts.append(topic.slug()).append('\t').append(topic.name()).append('\n'));
		choices.span()
			.ifPresent((span) -> facts.append(span.first().atZone(this.formats.zone()).getYear())
				.append('-')
				.append(span.last().atZone(this.formats.zone()).getYear()));
		return facts.toString();
	}

	/**
	 * Every page of a listing, newest first: the ids of all its stories from
	 * {@code listings}, then the cards of the pages to render, a few pages at a time.
	 * Each page gets a version that changes whenever its stories, their order, their
	 * count or what the listing shows about its subject ({@code facts}) does; a change to
	 * a story itself is for the {@link Selection} to know.
	 */
	private PageGroup listing(String name, StoryQuery query, String facts, Function<StoryList, Pages.ListingPage> build,
			IntFunction<String> path, Supplier<Listings> listings, Selection selection) {
		return new PageGroup(name, (out) -> {
			List<Long> ids = listings.get().ids(query);
			int pageSize = NewsroomPages.PAGE_SIZE;
			int pageCount = Math.max(1, (ids.size() + pageSize - 1) / pageSize);
			List<Integer> chosen = new ArrayList<>();
			for (int page = 1; page <= pageCount; page++) {
				List<Long> shown = shown(ids, page, pageSize);
				String version = PageVersion.of(facts, ids.size(), shown);
				if (selection.render(path.apply(page), version, shown)) {
					chosen.add(page);
				}
				else {
					out.accept(new SitePage(path.apply(page), null, version));
				}
			}
			for (int from = 0; from < chosen.size(); from += PAGES_PER_READ) {
				List<Integer> pages = chosen.subList(from, Math.min(chosen.size(), from + PAGES_PER_READ));
				List<Long> wanted = new ArrayList<>();
				pages.forEach((page) -> wanted.addAll(shown(ids, page, pageSize)));
				Map<Long, StoryCard> cards = new HashMap<>();
				this.newsroom.cards(wanted).forEach((card) -> cards.put(card.id(), card));
				for (int page : pages) {
					List<Long> shown = shown(ids, page, pageSize);
					List<StoryCard> onPage = shown.stream().map(cards::get).filter(Objects::nonNull).toList();
					SitePage rendered = page(path.apply(page), "site/listing.jte",
							build.apply(new StoryList(onPage, ids.size(), page, pageSize)));
					out.accept(
							new SitePage(rendered.path(), rendered.html(), PageVersion.of(facts, ids.size(), shown)));
				}
			}
		});
	}

	private static List<Long> shown(List<Long> ids, int page, int pageSize) {
		int from = Math.min(ids.size(), (page - 1) * pageSize);
		return ids.subList(from, Math.min(ids.size(), from + pageSize));
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
	 * @param html the bytes the server sends for it; null when the page was not rendered
	 * since the {@link Selection} found it unchanged
	 * @param version for a listing page, a digest of what it shows (see
	 * {@link #groups(Selection)}); null for other pages
	 */
	public record SitePage(String path, byte[] html, String version) {

		public SitePage(String path, byte[] html) {
			this(path, html, null);
		}

		/** Whether the page was left unrendered, as it was in the previous export. */
		public boolean isUnchanged() {
			return this.html == null;
		}

	}

	/** Which pages of the site to render; the others stay as they were. */
	@FunctionalInterface
	public interface Selection {

		/** Renders every page. */
		Selection EVERY_PAGE = (path, version, stories) -> true;

		/**
		 * Whether to render the page at {@code path}.
		 * @param version a listing page's version (see {@link SitePage#version()}); null
		 * for a story page
		 * @param stories the stories the page shows: for a story page, its own
		 */
		boolean render(String path, String version, List<Long> stories);

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
