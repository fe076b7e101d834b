/** The security headers every answer carries: content policy, framing, sniffing and referrers. */
package org.srmap.server.security;
