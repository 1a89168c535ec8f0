/**
 * The administrator console: Faces backing beans in one package per top menu (status, system, users ...),
 * the login and access filters (security), shared Faces helpers (faces) and the REST API (api). Beans call
 * services only; they never touch entities or the engine.
 */
package org.edgeway.web;
