package io.refshadow.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test when the shadow bytes of the objects it allocated peak above a limit, as
 * pytest-memray's {@code limit_memory} does: the peak is the largest total, at any moment of the
 * test, of the shallow sizes of its objects that Python would still hold (freed by refcount the
 * moment their last reference goes). The failure reports the peak and the types that made it.
 *
 * <p>On a class, applies to all its tests; a method's annotation takes precedence. A whole build
 * can set a limit with the configuration parameter {@value ConfigKeys#LIMIT_SHADOW_MEMORY}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(RefshadowExtension.class)
public @interface LimitShadowMemory {
  /**
   * The limit: a number and a unit, {@code "24 MB"}, {@code "512 KB"}, {@code "1.5 GB"}, {@code
   * "4096 B"}; units are powers of 1024 (as in pytest-memray), and KiB, MiB and GiB are accepted.
   */
  String value();
}
