package org.gazette.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workflow settings, bound from {@code gazette.workflow.*} or {@code GAZETTE_WORKFLOW_*}.
 *
 * @param twoPersonRule whether the person who approves or publishes a revision must be
 * someone other than its last author (publishers may still force-publish alone, and the
 * story is then flagged until a second person approves it)
 */
@ConfigurationProperties("gazette.workflow")
public record WorkflowSettings(@DefaultValue("true") boolean twoPersonRule) {

}
