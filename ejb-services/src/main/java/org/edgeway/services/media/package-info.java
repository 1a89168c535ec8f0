/** The media relay feature: its part of the engine configuration (the traversal media port range). */
package org.edgeway.services.media;
