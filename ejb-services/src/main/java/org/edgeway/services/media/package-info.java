/**
 * The media relay's ports: Traversal Subzone (the media port range) and Traversal &gt; Ports (the demultiplexing
 * pair), and their part of the engine configuration.
 */
package org.edgeway.services.media;
