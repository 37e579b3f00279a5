package io.refshadow.agent;

import org.objectweb.asm.ClassVisitor;
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
  private String owner;

  /**
   * @param internal the class is JDK collection code: what it allocates is the collection's own
   *     storage (arrays, nodes), which a Python list or dict does not allocate as objects
   */
  InstrumentingClassVisitor(ClassVisitor next, Scope scope, AgentStats stats, boolean internal) {
    super(Opcodes.ASM9, next);
    this.scope = scope;
    this.stats = stats;
    this.internal = internal;
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
    super.visit(version, access, name, signature, superName, interfaces);
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
