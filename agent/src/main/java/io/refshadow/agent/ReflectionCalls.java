package io.refshadow.agent;

import io.refshadow.heap.NodeField;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Keeps the {@link NodeField} the agent adds out of what the program's reflection sees: every call
 * of {@code Class.getDeclaredFields()} in code that passes through the agent (a direct call, a
 * method reference {@code Class::getDeclaredFields}, or a loaded method handle constant) is
 * redirected to {@code Hooks.declaredFields}, which makes the same call and removes the injected
 * field from its result. Without it, code that lists every declared field (commons-lang3's {@code
 * FieldUtils.getAllFields}, hand-written {@code equals}/{@code toString} builders, object mappers
 * configured to include transient fields) would see one field more under the agent than without it.
 * {@code getFields()} lists public fields only and {@code getDeclaredField(name)} finds a field by
 * name, so neither can show the private {@code $refshadow$node}.
 *
 * <p>Code the agent does not transform (classes outside the instrumented scope, the JDK) still sees
 * the field; the JDK's own readers skip it ({@code ObjectStreamClass} ignores transient fields, and
 * the default {@code serialVersionUID} leaves private transient fields out).
 */
final class ReflectionCalls {
  private static final String CLASS = "java/lang/Class";
  private static final String NAME = "getDeclaredFields";
  private static final String DESC = "()[Ljava/lang/reflect/Field;";
  private static final String HOOKS = "io/refshadow/Hooks";
  private static final String HOOK = "declaredFields";
  private static final String HOOK_DESC = "(Ljava/lang/Class;)[Ljava/lang/reflect/Field;";
  private static final Handle HOOK_HANDLE =
      new Handle(Opcodes.H_INVOKESTATIC, HOOKS, HOOK, HOOK_DESC, false);

  private ReflectionCalls() {}

  /**
   * Redirects the method's {@code Class.getDeclaredFields()} calls and handles; the stack effect of
   * each instruction is unchanged.
   *
   * @return whether anything was redirected
   */
  static boolean hideNodeField(MethodNode mn) {
    boolean changed = false;
    for (AbstractInsnNode in : mn.instructions) {
      if (in instanceof MethodInsnNode) {
        MethodInsnNode m = (MethodInsnNode) in;
        if (m.getOpcode() == Opcodes.INVOKEVIRTUAL
            && m.owner.equals(CLASS)
            && m.name.equals(NAME)
            && m.desc.equals(DESC)) {
          m.setOpcode(Opcodes.INVOKESTATIC);
          m.owner = HOOKS;
          m.name = HOOK;
          m.desc = HOOK_DESC;
          m.itf = false;
          changed = true;
        }
      } else if (in instanceof InvokeDynamicInsnNode) {
        Object[] args = ((InvokeDynamicInsnNode) in).bsmArgs;
        for (int k = 0; k < args.length; k++) {
          if (isGetDeclaredFields(args[k])) {
            args[k] = HOOK_HANDLE;
            changed = true;
          }
        }
      } else if (in instanceof LdcInsnNode && isGetDeclaredFields(((LdcInsnNode) in).cst)) {
        ((LdcInsnNode) in).cst = HOOK_HANDLE;
        changed = true;
      }
    }
    return changed;
  }

  /** A method handle constant for {@code Class.getDeclaredFields} (same type once redirected). */
  private static boolean isGetDeclaredFields(Object constant) {
    if (!(constant instanceof Handle)) {
      return false;
    }
    Handle h = (Handle) constant;
    return h.getTag() == Opcodes.H_INVOKEVIRTUAL
        && h.getOwner().equals(CLASS)
        && h.getName().equals(NAME)
        && h.getDesc().equals(DESC);
  }
}
