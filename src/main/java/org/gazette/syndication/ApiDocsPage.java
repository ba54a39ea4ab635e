package org.gazette.syndication;

import java.util.List;

/**
 * The API's documentation for people, made from the OpenAPI document.
 *
 * @param title the API's name
 * @param description what it is
 * @param stylesheets USWDS and site styles
 * @param homeUrl the newsroom's home page
 * @param operations one per route
 */
public record ApiDocsPage(String title, String description, List<String> stylesheets, String homeUrl,
		List<Operation> operations) {

	/**
	 * One route.
	 *
	 * @param path such as /api/v1/articles/{slug}
	 * @param summary what it answers
	 * @param description more, or empty
	 * @param parameters its parameters
	 * @param responses status codes with what they mean
	 */
	public record Operation(String path, String summary, String description, List<Parameter> parameters,
			List<Parameter> responses) {
	}

	/**
	 * A parameter or a response.
	 *
	 * @param name parameter name or status code
	 * @param where query or path; empty for responses
	 * @param description what it means
	 */
	public record Parameter(String name, String where, String description) {
	}

}
