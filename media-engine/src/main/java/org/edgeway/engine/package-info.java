/**
 * The engine's facade: the one entry point the EJB side uses to start, reconfigure, observe and stop the
 * signalling and media engine. Configuration comes in as an immutable {@link org.edgeway.engine.EngineConfig};
 * state goes out as an immutable {@link org.edgeway.engine.EngineSnapshot} and as {@link org.edgeway.engine.EngineEvent}s.
 * Plain Java + Netty only: no Jakarta EE types may appear here.
 */
package org.edgeway.engine;
