package org.gazette.syndication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.gazette.platform.SiteUrls;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's OpenAPI 3 document (written by hand, kept true to the routes by
 * {@code OpenApiTests}) and a page for people that renders it.
 */
@RestController
class OpenApiController {

	private final Rendered document;

	private final Rendered page;

	OpenApiController(JsonMapper json, TemplateEngine templates, SiteUrls urls, Clock clock) {
		byte[] bytes = read();
		this.document = Rendered.of(bytes, ApiDocuments.JSON, clock.instant());
		StringOutput html = new StringOutput();
		templates.render("syndication/apiDocs.jte", docsPage(json.readTree(bytes), urls), html);
		this.page = Rendered.of(html.toString().getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8",
				clock.instant());
	}

	@GetMapping(path = "/api/v1/openapi.json", produces = "application/json")
	@CrossOrigin(origins = "*", methods = { RequestMethod.GET, RequestMethod.HEAD })
	ResponseEntity<byte[]> openApi() {
		return ChannelResponses.ok(this.document);
	}

	@GetMapping("/api")
	ResponseEntity<byte[]> docs() {
		return ChannelResponses.ok(this.page);
	}

	static byte[] read() {
		try (InputStream in = new ClassPathResource("syndication/openapi.json").getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ApiDocsPage docsPage(JsonNode api, SiteUrls urls) {
		List<ApiDocsPage.Operation> operations = new ArrayList<>();
		for (var path : api.get("paths").properties()) {
			JsonNode get = path.getValue().get("get");
			List<ApiDocsPage.Parameter> parameters = new ArrayList<>();
			if (get.has("parameters")) {
				for (JsonNode parameter : get.get("parameters")) {
					parameters.add(new ApiDocsPage.Parameter(parameter.get("name").asString(),
							parameter.get("in").asString(), text(parameter, "description")));
				}
			}
			List<ApiDocsPage.Parameter> responses = new ArrayList<>();
			for (var response : get.get("responses").properties()) {
				responses
					.add(new ApiDocsPage.Parameter(response.getKey(), "", text(response.getValue(), "description")));
			}
			operations.add(new ApiDocsPage.Operation(path.getKey(), text(get, "summary"), text(get, "description"),
					parameters, responses));
		}
		JsonNode info = api.get("info");
		return new ApiDocsPage(text(info, "title"), text(info, "description"),
				List.of(urls.asset("/uswds/css/uswds.min.css"), urls.asset("/css/gazette.css")), urls.home(),
				operations);
	}

	private static String text(JsonNode node, String field) {
		return node.has(field) ? node.get(field).asString() : "";
	}

}
