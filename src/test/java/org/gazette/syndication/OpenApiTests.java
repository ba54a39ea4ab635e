package org.gazette.syndication;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.gazette.support.GazetteWebTest;
import org.gazette.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written OpenAPI document says exactly what the application serves under
 * /api/v1: the same routes, each a GET, with the same query parameters.
 */
@GazetteWebTest
class OpenApiTests {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theDocumentMatchesTheRoutesAndTheirParameters() {
		Map<String, TreeSet<String>> routes = new TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/v1/")) {
					continue;
				}
				assertThat(mapping.getKey().getMethodsCondition().getMethods()).as(pattern)
					.containsExactly(RequestMethod.GET);
				TreeSet<String> parameters = new TreeSet<>();
				for (var parameter : mapping.getValue().getMethodParameters()) {
					RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
					if (param != null) {
						parameters.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
					}
				}
				routes.put(pattern, parameters);
			}
		}
		JsonNode api = JsonMapper.builder().build().readTree(new Http(this.port).get("/api/v1/openapi.json").body());
		assertThat(api.get("openapi").asString()).startsWith("3.");
		Map<String, TreeSet<String>> documented = new TreeMap<>();
		for (var path : api.get("paths").properties()) {
			assertThat(path.getValue().size() == 1 && path.getValue().has("get")).as(path.getKey() + " has only GET")
				.isTrue();
			TreeSet<String> parameters = new TreeSet<>();
			JsonNode get = path.getValue().get("get");
			if (get.has("parameters")) {
				get.get("parameters").forEach((parameter) -> {
					if ("query".equals(parameter.get("in").asString())) {
						parameters.add(parameter.get("name").asString());
					}
				});
			}
			documented.put(path.getKey(), parameters);
		}
		assertThat(documented).isEqualTo(routes);
	}

	@Test
	void thePageForPeopleListsEveryRoute() {
		var page = new Http(this.port).get("/api");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select("h2 code").eachText()).contains("GET /api/v1/articles",
				"GET /api/v1/articles/{slug}", "GET /api/v1/topics", "GET /api/v1/authors");
	}

}
