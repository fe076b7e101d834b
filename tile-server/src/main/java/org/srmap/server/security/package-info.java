/** The security headers every answer carries (content policy, framing, sniffing, referrers), and rate limits. */
package org.srmap.server.security;
