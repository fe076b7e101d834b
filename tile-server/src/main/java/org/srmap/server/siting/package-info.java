/** {@code /api/siting}: warming-center siting over the loaded requests and facilities. */
package org.srmap.server.siting;
