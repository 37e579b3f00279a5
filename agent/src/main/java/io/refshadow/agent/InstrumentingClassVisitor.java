package io.refshadow.agent;

import io.refshadow.heap.NodeField;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Buffers each method as a tree, lets {@link MethodInstrumenter} rewrite it, and writes it on. A
 * method that cannot be instrumented is written unchanged and counted.
 */
final class InstrumentingClassVisitor extends ClassVisitor {
  private final Scope scope;
  private final AgentStats stats;
  private final boolean internal;
  private boolean addNodeField;
  private String owner;

  /**
   * Internal names of the classes given a node field: a subclass of one of them needs none of its
   * own (a class whose superclass is loaded after it gets one too, which costs 4 bytes, not
   * correctness; same names in two loaders can only cost a field or a table lookup, likewise).
   */
  private static final Set<String> WITH_NODE_FIELD = ConcurrentHashMap.newKeySet();

  /**
   * @param internal the class is JDK collection code: what it allocates is the collection's own
   *     storage (arrays, nodes), which a Python list or dict does not allocate as objects
   * @param nodeField give the class a {@link NodeField} if it is a class that can have one (not an
   *     interface, annotation, enum or record) and its superclass did not get one
   */
  InstrumentingClassVisitor(
      ClassVisitor next, Scope scope, AgentStats stats, boolean internal, boolean nodeField) {
    super(Opcodes.ASM9, next);
    this.scope = scope;
    this.stats = stats;
    this.internal = internal;
    this.addNodeField = nodeField && !internal;
  }

  /**
   * Whether a class being transformed may get a node field: at its first definition, yes; when it
   * is retransformed (another agent, or refshadow attached to a running JVM), only if it already
   * has one, since a retransformation cannot change a class's fields.
   */
  static boolean mayAddNodeField(Class<?> beingRedefined) {
    if (beingRedefined == null) {
      return true;
    }
    try {
      for (Field f : beingRedefined.getDeclaredFields()) {
        if (f.getName().equals(NodeField.NAME)) {
          return true;
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // cannot tell: add nothing
    }
    return false;
  }

  @Override
  public void visit(
      int version,
      int access,
      String name,
      String signature,
      String superName,
      String[] interfaces) {
    owner = name;
    int noField =
        Opcodes.ACC_INTERFACE | Opcodes.ACC_ANNOTATION | Opcodes.ACC_ENUM | Opcodes.ACC_MODULE;
    if ((access & noField) != 0
        || "java/lang/Record".equals(superName)
        || WITH_NODE_FIELD.contains(superName)) {
      addNodeField = false;
    }
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public FieldVisitor visitField(
      int access, String name, String descriptor, String signature, Object value) {
    if (name.equals(NodeField.NAME)) {
      addNodeField = false; // already there (a class file written by refshadow itself)
    }
    return super.visitField(access, name, descriptor, signature, value);
  }

  @Override
  public void visitEnd() {
    if (addNodeField) {
      FieldVisitor fv =
          super.visitField(
              Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC,
              NodeField.NAME,
              NodeField.DESCRIPTOR,
              null,
              null);
      if (fv != null) {
        fv.visitEnd();
      }
      WITH_NODE_FIELD.add(owner);
    }
    super.visitEnd();
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
    if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
      return next;
    }
    return new MethodNode(Opcodes.ASM9, access, name, descriptor, signature, exceptions) {
      @Override
      public void visitEnd() {
        super.visitEnd();
        if (!internal) {
          ReflectionCalls.hideNodeField(this);
        }
        MethodNode original = copyOf(this);
        try {
          if (new MethodInstrumenter(owner, this, scope, internal).instrument()) {
            stats.methodsInstrumented.incrementAndGet();
          }
          accept(next);
        } catch (Throwable t) {
          stats.methodFailed(owner + "." + name + descriptor, t);
          original.accept(next);
        }
      }
    };
  }

  private static MethodNode copyOf(MethodNode m) {
    MethodNode copy =
        new MethodNode(
            Opcodes.ASM9,
            m.access,
            m.name,
            m.desc,
            m.signature,
            m.exceptions.toArray(new String[0]));
    m.accept(copy);
    return copy;
  }
}
