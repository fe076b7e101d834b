/** Bad requests and their one mapping to HTTP: application/problem+json naming what was wrong. */
package org.srmap.server.problem;
