/**
 * The live library: one consistent version of the knowledge, its retrieval index and the role-play scenarios,
 * swapped in whole when the knowledge changes. It sits above what it bundles, so {@code knowledge},
 * {@code retrieval} and {@code roleplay.scenario} never need one another through it.
 */
package org.coachbot.library;
