/**
 * Back-office accounts: who may sign in, with which role, and how they prove it.
 */
package org.gazette.accounts;
