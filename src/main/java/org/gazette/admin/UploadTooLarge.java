package org.gazette.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.media.MediaProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A back-office upload larger than the media library accepts is answered 413 with a plain
 * page before anything reads it. It has to come first: the form-token check reads the
 * request's parameters, and the servlet container refuses an over-large multipart body
 * there with a bare 400.
 */
@Configuration(proxyBeanMethods = false)
class UploadTooLarge {

	/** Before Spring Security's filter chain (-100). */
	private static final int ORDER = -110;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> uploadTooLargeFilter(TemplateEngine templates,
			AdminChromeFactory chrome, MediaProperties properties) {
		DataSize limit = properties.maxUploadSize();
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String type = request.getContentType();
				if ("POST".equals(request.getMethod()) && type != null
						&& type.toLowerCase(Locale.ROOT).startsWith("multipart/")
						&& request.getContentLengthLong() > limit.toBytes()) {
					refuse(request, response, templates, chrome, limit);
					return;
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/admin/*");
		registration.setOrder(ORDER);
		return registration;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, TemplateEngine templates,
			AdminChromeFactory chrome, DataSize limit) throws IOException {
		StringOutput page = new StringOutput();
		templates.render("admin/error.jte",
				Map.of("page", new AdminPages.AdminErrorPage(chrome.chrome(request, "File too large", null),
						HttpStatus.CONTENT_TOO_LARGE.value(), "File too large",
						"The file is larger than " + limit.toMegabytes()
								+ " MB, the most the media library accepts. Make it smaller and upload it again.")),
				page);
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Content-Security-Policy", BackOfficeSecurity.CONTENT_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Cache-Control", "no-store");
		response.getOutputStream().write(page.toString().getBytes(StandardCharsets.UTF_8));
	}

}
