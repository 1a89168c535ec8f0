/** The media relay feature: Traversal Subzone (the media port range) and Traversal > Ports (the demultiplexing pair), and their part of the engine configuration. */
package org.edgeway.services.media;
