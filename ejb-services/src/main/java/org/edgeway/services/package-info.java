/**
 * The service layer: one sub-package per feature. Services validate (Bean Validation), check the caller's
 * access level, commit, write the configuration log, and hand the engine a new immutable configuration after
 * the commit. The console and the REST API call services only; they never see entities or the engine.
 */
package org.edgeway.services;
