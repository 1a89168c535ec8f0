/**
 * JPA entities (one sub-package per feature) and the Flyway migrations that own the schema
 * ({@code db/migration}). Entities never leave the service layer: the console receives DTOs.
 */
package org.edgeway.persistence;
