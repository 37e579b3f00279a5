package io.refshadow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a no-argument instance method as the object's {@code __del__} finalizer.
 *
 * <p>The shadow heap calls it when the object's shadow refcount drops to zero, or when the cycle
 * detector finds it in unreachable garbage (at most once per object, as PEP 442 specifies). The
 * method may resurrect its object by storing {@code this} somewhere reachable. An exception thrown
 * from it is printed as {@code Exception ignored in: ...} on standard error and otherwise ignored,
 * as CPython does with {@code PyErr_WriteUnraisable}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Del {}
