/**
 * Email subscriptions: readers follow all stories, some topics or some types, confirm by
 * email, and get each story when it is released (queued in the database and sent by any
 * node at the SMTP server's pace).
 */
package org.gazette.subscriptions;
