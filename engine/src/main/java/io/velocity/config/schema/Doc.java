package io.velocity.config.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Help text for a config field, shown by the visual config editor and in validation messages. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Doc {
    String value();

    /** Unit shown beside the field, e.g. "USD", "ms", "probability". */
    String unit() default "";
}
