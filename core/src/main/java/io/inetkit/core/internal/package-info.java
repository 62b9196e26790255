/**
 * Implementation shared by inetkit modules (socket set-up, bounded line reading, progress
 * counting). Not API: may change in any release.
 */
package io.inetkit.core.internal;
