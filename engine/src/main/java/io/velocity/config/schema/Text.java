package io.velocity.config.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Constraints on a string field. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Text {
    /** Empty string allowed (meaning "not configured"). */
    boolean optional() default false;

    /** Allowed URL schemes; empty means the value is not a URL. */
    String[] schemes() default {};

    /** A regular expression the whole value must match (ignored for an empty optional value). */
    String pattern() default "";

    /** What the pattern means, for the error message. */
    String patternHint() default "";
}
