/**
 * Publishing articles, the visibility rule (the embargo) that every public read applies,
 * and the change events that tell each node what the public can now see.
 */
package org.gazette.publishing;
