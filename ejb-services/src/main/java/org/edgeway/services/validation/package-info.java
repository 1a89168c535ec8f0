/**
 * The one place for field rules shared by the console, the REST API and the services: Bean Validation
 * constraints backed by {@link org.edgeway.services.validation.Addresses}. Empty values are valid for these
 * constraints; combine with {@code @NotBlank} where a field is mandatory.
 */
package org.edgeway.services.validation;
