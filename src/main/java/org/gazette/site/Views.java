package org.gazette.site;

import java.util.List;

/** The small view records that pages are made of; all text is ready to print. */
public final class Views {

	private Views() {
	}

	/**
	 * One author in a byline.
	 *
	 * @param before the words that join it to the previous name ("", ", " or " and ")
	 * @param name the author's name
	 * @param url the author's page
	 */
	public record BylineView(String before, String name, String url) {
	}

	/**
	 * A story in a listing.
	 *
	 * @param title headline
	 * @param url the story's page
	 * @param typeName kind of story
	 * @param releaseDate "November 27, 2026"
	 * @param releaseIso the same as ISO 8601
	 * @param bylines authors
	 * @param summary teaser
	 */
	public record StoryCardView(String title, String url, String typeName, String releaseDate, String releaseIso,
			List<BylineView> bylines, String summary) {
	}

	/**
	 * A link with a label.
	 *
	 * @param label what the reader sees
	 * @param url where it goes
	 */
	public record Link(String label, String url) {
	}

	/**
	 * The notice above a preview of a story readers cannot see.
	 *
	 * @param heading what the page is
	 * @param text what that means for the person reading it
	 * @param link a way back (to the editor), or null
	 */
	public record PreviewNotice(String heading, String text, Link link) {
	}

	/**
	 * A choice in a filter menu.
	 *
	 * @param value the parameter value
	 * @param label what the reader sees
	 * @param selected whether it is the current choice
	 */
	public record Option(String value, String label, boolean selected) {
	}

	/**
	 * One entry of the pager: a page number, or a gap.
	 *
	 * @param number page number, 0 for a gap
	 * @param url the page's address
	 * @param current whether it is this page
	 */
	public record PageLink(int number, String url, boolean current) {

		public boolean gap() {
			return this.number == 0;
		}

	}

	/**
	 * The pager under a listing.
	 *
	 * @param previous the previous page, or null on the first
	 * @param pages page numbers and gaps
	 * @param next the next page, or null on the last
	 */
	public record Pagination(PageLink previous, List<PageLink> pages, PageLink next) {

		public boolean needed() {
			return this.pages.size() > 1;
		}

	}

	/**
	 * A feed a page offers.
	 *
	 * @param label what the reader sees ("RSS feed")
	 * @param title the feed's title, for feed readers
	 * @param url the feed's address
	 * @param mediaType {@code application/rss+xml} or {@code application/atom+xml}
	 */
	public record Feed(String label, String title, String url, String mediaType) {
	}

	/**
	 * A major update in a story's change history: "Updated December 2, 2026: corrected
	 * the number of attendees".
	 *
	 * @param date "December 2, 2026"
	 * @param iso the same as ISO 8601
	 * @param note the public change note, or null
	 */
	public record UpdateView(String date, String iso, String note) {
	}

	/**
	 * The notice over a withdrawn story: "Withdrawn on November 3, 2026: the program was
	 * cancelled".
	 *
	 * @param date "November 3, 2026"
	 * @param iso the same as ISO 8601
	 * @param reason the publisher's reason, plain text
	 */
	public record Withdrawal(String date, String iso, String reason) {
	}

	/**
	 * A story's hero image: every rendition in {@code srcset}, the width and height of
	 * the largest (the browser reserves the space: no layout shift), its alt text.
	 *
	 * @param src the smallest rendition, for browsers without srcset
	 * @param srcset every rendition with its width
	 * @param largest the largest rendition, for Open Graph and JSON-LD
	 * @param width the largest rendition's width
	 * @param height the largest rendition's height
	 * @param alt text alternative, empty for a decorative image
	 * @param caption caption, may be empty
	 * @param credit credit, may be empty
	 */
	public record HeroImage(String src, String srcset, String largest, int width, int height, String alt,
			String caption, String credit) {

		/**
		 * The layout's content column is at most 40rem wide; phones show it full width.
		 */
		public static final String SIZES = "(min-width: 40em) 40rem, 100vw";

		static HeroImage of(org.gazette.media.MediaAsset asset) {
			return new HeroImage(asset.url(asset.renditions().get(0)), asset.srcset(), asset.url(), asset.width(),
					asset.height(), asset.alt(), asset.caption(), asset.credit());
		}

		public String sizes() {
			return SIZES;
		}

		public boolean hasCaption() {
			return !this.caption.isEmpty() || !this.credit.isEmpty();
		}

	}

	/**
	 * A document listed under a story, as readers see it: "Fact sheet (PDF, 240 KB)".
	 *
	 * @param title its title, the link text
	 * @param href where it downloads from
	 * @param type its kind in a word readers know ("PDF")
	 * @param size its size as people read it ("240 KB")
	 */
	public record DocumentLink(String title, String href, String type, String size) {

		static DocumentLink of(org.gazette.media.MediaAsset asset) {
			return new DocumentLink(asset.title(), asset.url(), asset.typeLabel(), asset.sizeLabel());
		}

	}

}
