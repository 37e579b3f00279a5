package io.refshadow.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test whose objects, under Python's rules, could be reclaimed only by the cycle detector:
 * objects the test allocated that a collection found in unreachable reference cycles, during the
 * test or in the full collection ({@code gc.collect()}) the extension runs when the test ends.
 *
 * <p>The failure shows each cycle as types and fields, {@code Parent.children -> ArrayList ->
 * Child.parent -> Parent}, and where one of its objects was allocated, as objgraph's {@code
 * show_backrefs} would. The usual fix is a weak back-pointer ({@link io.refshadow.Weakref}).
 *
 * <p>On a class, applies to all its tests (and those of its {@code @Nested} classes). A whole build
 * can opt in with the configuration parameter {@value ConfigKeys#NO_REFERENCE_CYCLES}{@code =true}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(RefshadowExtension.class)
public @interface NoReferenceCycles {}
