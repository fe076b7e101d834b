/** Blocking JDBC work run on the bounded scheduler, whose statements are cancelled when its client goes away. */
package org.srmap.server.query;
