package org.gazette.site;

import java.util.List;
import java.util.Map;

/** The records of the email subscription pages; each template takes one. */
public final class SubscriptionViews {

	private SubscriptionViews() {
	}

	/**
	 * The subscribe form and the preferences form.
	 *
	 * @param chrome the layout
	 * @param heading the page's heading
	 * @param intro one sentence under it
	 * @param action where the form posts
	 * @param csrfParameter the form token's field
	 * @param csrfToken the form token
	 * @param askEmail whether the form has the address field (not on the preferences
	 * page)
	 * @param email the address as typed
	 * @param allStories every story chosen
	 * @param topics topics to tick
	 * @param types story types to tick
	 * @param daily the daily digest chosen, not each story as it is released
	 * @param dailyHint when the digest goes out ("at 7:00 AM Eastern Time")
	 * @param errors field to message
	 * @param unsubscribeUrl the unsubscribe page, on the preferences page; else null
	 * @param notice a success message above the form, or null
	 */
	public record FormPage(Chrome chrome, String heading, String intro, String action, String csrfParameter,
			String csrfToken, boolean askEmail, String email, boolean allStories, List<Choice> topics,
			List<Choice> types, boolean daily, String dailyHint, Map<String, String> errors, String unsubscribeUrl,
			String notice) {

		public String error(String field) {
			return this.errors.get(field);
		}

	}

	/**
	 * A checkbox.
	 *
	 * @param id element id
	 * @param value submitted value
	 * @param label what the reader sees
	 * @param checked ticked
	 */
	public record Choice(String id, String value, String label, boolean checked) {
	}

	/**
	 * A page that says one thing, with an optional button (a form post) and link.
	 *
	 * @param chrome the layout
	 * @param heading the heading
	 * @param message the sentence
	 * @param buttonAction where the button posts, or null for no button
	 * @param buttonLabel the button's text
	 * @param csrfParameter the form token's field
	 * @param csrfToken the form token
	 * @param linkUrl a link under the message, or null
	 * @param linkLabel its text
	 */
	public record NoticePage(Chrome chrome, String heading, String message, String buttonAction, String buttonLabel,
			String csrfParameter, String csrfToken, String linkUrl, String linkLabel) {
	}

	/**
	 * The small form on listing pages that opens the subscribe form: a form, not a link,
	 * so that a static export leaves it pointing at a running node (form actions are not
	 * rewritten into files).
	 *
	 * @param label the button's text
	 * @param action the subscribe form's address
	 * @param topic the topic to choose there, or null
	 */
	public record SubscribeButton(String label, String action, String topic) {
	}

}
