package org.edgeway.services.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A DNS domain name. Empty is valid. */
@Documented
@Constraint(validatedBy = DomainName.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface DomainName {

    String message() default "must be a domain name such as example.com: labels of letters, digits and hyphens separated by dots";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks with {@link Addresses#isDomainName(String)}. */
    class Validator implements ConstraintValidator<DomainName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isEmpty() || Addresses.isDomainName(value);
        }
    }
}
