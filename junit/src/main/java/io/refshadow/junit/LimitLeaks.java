package io.refshadow.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test that leaves more than {@link #maxObjects} of the objects it created alive in the
 * shadow heap once it has finished (after a full collection, so that garbage cycles do not count),
 * as pytest-memray's {@code limit_leaks} does. Objects kept only by the test instance (its fields)
 * are not leaks: they go with it.
 *
 * <p>The failure shows, for each of the first leaked objects, where it was allocated and the chain
 * of references that keeps it alive, from a root (a static field, a frame's local) to the object,
 * as objgraph's {@code find_backref_chain} does: {@code static Cache.ENTRIES -> ArrayList ->
 * byte[]}.
 *
 * <p>On a class, applies to all its tests; a method's annotation takes precedence. A whole build
 * can opt in with the configuration parameter {@value ConfigKeys#LIMIT_LEAKS_MAX_OBJECTS}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(RefshadowExtension.class)
public @interface LimitLeaks {
  /** How many leaked objects are tolerated. */
  int maxObjects() default 0;

  /**
   * Count only objects of these types (or their subtypes); all types when empty. A JDK collection's
   * own storage (the array inside an {@code ArrayList}) is never counted: a Python list allocates
   * no objects for its items.
   */
  Class<?>[] types() default {};
}
