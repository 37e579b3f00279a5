package io.refshadow.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Rewrites one method so that every reference event reaches {@code io.refshadow.Hooks}.
 *
 * <p>It works on the whole method at once (ASM's tree API): an analysis of the original code tells
 * the operand-stack size at every instruction and where each value came from, then hook calls are
 * inserted around the original instructions, which stay as they are. Frames are recomputed by the
 * class writer. What it inserts, and why, is listed in {@link #instrument}.
 */
final class MethodInstrumenter implements Opcodes {
  static final String HOOKS = "io/refshadow/Hooks";
  static final String FRAME = "io/refshadow/heap/Frame";
  static final String FRAME_DESC = "L" + FRAME + ";";

  private final String owner;
  private final MethodNode mn;
  private final Scope scope;
  private Frame<SourceValue>[] frames;
  private AbstractInsnNode[] insns;
  private final java.util.Map<AbstractInsnNode, Integer> originalIndex =
      new java.util.IdentityHashMap<>();
  private int frameSlot;
  private int nextSpill;

  private final boolean internal;

  /**
   * @param internal the method belongs to instrumented JDK collection code: its allocations are the
   *     collection's storage, reported with the {@code *Internal} hooks
   */
  MethodInstrumenter(String owner, MethodNode mn, Scope scope, boolean internal) {
    this.owner = owner;
    this.mn = mn;
    this.scope = scope;
    this.internal = internal;
  }

  /** Whether a method can be instrumented at all (it has code, no JSR/RET). */
  static boolean instrumentable(MethodNode mn) {
    if ((mn.access & (ACC_ABSTRACT | ACC_NATIVE)) != 0 || mn.instructions.size() == 0) {
      return false;
    }
    for (AbstractInsnNode in : mn.instructions) {
      if (in.getOpcode() == JSR || in.getOpcode() == RET) {
        return false;
      }
    }
    return true;
  }

  /**
   * Inserts the hooks:
   *
   * <ul>
   *   <li>at entry, {@code Hooks.enter} into a new local, then {@code Hooks.arg} for {@code this}
   *       and each reference parameter (in a constructor, {@code this} after {@code super(...)});
   *   <li>at each line-number entry where the operand stack is empty, {@code Hooks.line};
   *   <li>before {@code astore}, {@code putfield}, {@code putstatic} of references, the store hook;
   *       {@code aastore} is replaced by {@code Hooks.arrayStore}, which performs it; stores to
   *       fields of {@code this} before {@code super(...)} returns are replayed after it, reading
   *       the field back (the uninitialized {@code this} cannot be passed to a method);
   *   <li>after a constructor call on a {@code new} object and after array creation, {@code
   *       Hooks.allocated}; after a call, {@code Hooks.result} (reference result) or {@code
   *       Hooks.called} (when its arguments may include temporaries); after a lambda's
   *       invokedynamic, {@code Hooks.lambda};
   *   <li>{@code System.arraycopy}, {@code Arrays.copyOf[Range]} on Object[] and array {@code
   *       clone()} are replaced by Hooks versions that perform and mirror them; {@code Field.set}
   *       and {@code super.clone()} are followed by a mirror;
   *   <li>reference arguments passed to code outside the instrumented scope are reported to {@code
   *       Hooks.escape} (pinned);
   *   <li>before each return, {@code Hooks.returnValue} or {@code Hooks.exit}; and a catch-all
   *       handler around the body (after the method's own handlers, so they keep precedence) that
   *       calls {@code Hooks.unwind} with the exception and rethrows it.
   * </ul>
   *
   * @return false if the method was left unchanged
   */
  boolean instrument() throws AnalyzerException {
    if (!instrumentable(mn)) {
      return false;
    }
    if (!mn.name.equals("<init>") && isLeaf(mn)) {
      return false; // nothing in it can change a reference count: no frame (see isLeaf)
    }
    Analyzer<SourceValue> analyzer =
        new Analyzer<>(new SourceInterpreter()) {
          @Override
          protected void newControlFlowEdge(int insn, int successor) {
            successors(insn).add(successor);
          }

          @Override
          protected boolean newControlFlowExceptionEdge(int insn, int successor) {
            successors(insn).add(successor);
            return true;
          }
        };
    frames = analyzer.analyze(owner, mn);
    insns = mn.instructions.toArray();
    for (int k = 0; k < insns.length; k++) {
      originalIndex.put(insns[k], k);
    }
    frameSlot = mn.maxLocals;
    nextSpill = frameSlot + 1;
    boolean isCtor = mn.name.equals("<init>");

    InsnList code = mn.instructions;
    AbstractInsnNode superCall = isCtor ? findSuperCall() : null;
    int superIndex = superCall == null ? -1 : indexOf(superCall);
    List<FieldInsnNode> deferred = new ArrayList<>();

    for (int i = 0; i < insns.length; i++) {
      AbstractInsnNode in = insns[i];
      Frame<SourceValue> before = frames[i];
      if (before == null) {
        continue; // unreachable code
      }
      int op = in.getOpcode();
      boolean preSuper = superCall != null && i < superIndex;
      if (in instanceof LineNumberNode) {
        Frame<SourceValue> at = frameAtNextInsn(i);
        if (at != null && at.getStackSize() == 0 && !preSuper && mayHoldTemps(i)) {
          code.insert(in, frameCall("line", "(" + FRAME_DESC + ")V"));
        }
        continue;
      }
      switch (op) {
        case ASTORE:
          {
            int slot = ((VarInsnNode) in).var;
            InsnList l = new InsnList();
            l.add(new InsnNode(DUP));
            l.add(new VarInsnNode(ALOAD, frameSlot));
            l.add(intConst(slot));
            l.add(hook("storeLocal", "(Ljava/lang/Object;" + FRAME_DESC + "I)V"));
            if (!preSuper || !isUninitialized(i, before.getStackSize() - 1)) {
              code.insertBefore(in, l);
            }
            break;
          }
        case PUTFIELD:
          {
            FieldInsnNode f = (FieldInsnNode) in;
            if (!isReference(f.desc) || (internal && Scope.isUncountedLink(f.owner, f.name))) {
              break;
            }
            if (preSuper && tracesToThis(i, before.getStackSize() - 2)) {
              deferred.add(f);
              break;
            }
            InsnList l = new InsnList();
            l.add(new InsnNode(DUP2));
            l.add(new LdcInsnNode(fieldId(f.owner, f.name)));
            l.add(new VarInsnNode(ALOAD, frameSlot));
            l.add(hook("putField", "(Ljava/lang/Object;Ljava/lang/Object;I" + FRAME_DESC + ")V"));
            code.insertBefore(in, l);
            break;
          }
        case PUTSTATIC:
          {
            FieldInsnNode f = (FieldInsnNode) in;
            if (!isReference(f.desc)) {
              break;
            }
            InsnList l = new InsnList();
            l.add(new InsnNode(DUP));
            l.add(new LdcInsnNode(fieldId(f.owner, f.name)));
            l.add(new VarInsnNode(ALOAD, frameSlot));
            l.add(hook("putStatic", "(Ljava/lang/Object;I" + FRAME_DESC + ")V"));
            code.insertBefore(in, l);
            break;
          }
        case AASTORE:
          {
            InsnList l = new InsnList();
            l.add(new VarInsnNode(ALOAD, frameSlot));
            l.add(
                hook("arrayStore", "([Ljava/lang/Object;ILjava/lang/Object;" + FRAME_DESC + ")V"));
            code.insert(in, l);
            code.remove(in);
            break;
          }
        case NEWARRAY:
        case ANEWARRAY:
        case MULTIANEWARRAY:
          code.insert(in, allocatedAt(frames[i + 1].getStackSize() - 1));
          break;
        case INVOKEVIRTUAL:
        case INVOKESPECIAL:
        case INVOKESTATIC:
        case INVOKEINTERFACE:
          instrumentCall(code, (MethodInsnNode) in, i, before, isCtor && in == superCall);
          break;
        case INVOKEDYNAMIC:
          instrumentIndy(code, (InvokeDynamicInsnNode) in, i);
          break;
        case ARETURN:
          {
            InsnList l = new InsnList();
            l.add(new InsnNode(DUP));
            l.add(new VarInsnNode(ALOAD, frameSlot));
            l.add(hook("returnValue", "(Ljava/lang/Object;" + FRAME_DESC + ")V"));
            code.insertBefore(in, l);
            break;
          }
        case RETURN:
        case IRETURN:
        case LRETURN:
        case FRETURN:
        case DRETURN:
          code.insertBefore(in, frameCall("exit", "(" + FRAME_DESC + ")V"));
          break;
        default:
          break;
      }
    }

    releaseDeadHiddenLocals(code, superIndex);

    // After super(...)/this(...): `this` becomes a local like any other, and the field stores made
    // before it are replayed.
    if (superCall != null) {
      InsnList l = new InsnList();
      l.add(new VarInsnNode(ALOAD, 0));
      l.add(new VarInsnNode(ALOAD, frameSlot));
      l.add(intConst(0));
      l.add(hook("arg", "(Ljava/lang/Object;" + FRAME_DESC + "I)V"));
      for (FieldInsnNode f : deferred) {
        l.add(new VarInsnNode(ALOAD, 0));
        l.add(new VarInsnNode(ALOAD, 0));
        l.add(new FieldInsnNode(GETFIELD, f.owner, f.name, f.desc));
        l.add(new LdcInsnNode(fieldId(f.owner, f.name)));
        l.add(new VarInsnNode(ALOAD, frameSlot));
        l.add(hook("putField", "(Ljava/lang/Object;Ljava/lang/Object;I" + FRAME_DESC + ")V"));
      }
      code.insert(superCall, l);
    }

    // Entry: the frame, then this and parameters.
    // (in a constructor, `this` is reported after super(...); its parameters are reported here)
    List<Integer> refSlots = referenceSlots(!isCtor);
    InsnList entry = new InsnList();
    int batched = isCtor ? 0 : Math.min(3, refSlots.size());
    // the class's id: a hook that fails inside refshadow switches off this class only
    entry.add(intConst(io.refshadow.Hooks.classId(owner.replace('/', '.'))));
    entry.add(intConst(frameSlot));
    StringBuilder enterDesc = new StringBuilder("(II");
    for (int k = 0; k < batched; k++) {
      entry.add(new VarInsnNode(ALOAD, refSlots.get(k)));
      entry.add(intConst(refSlots.get(k)));
      enterDesc.append("Ljava/lang/Object;I");
    }
    enterDesc.append(")").append(FRAME_DESC);
    String enterHook = isCtor ? "enterConstructor" : batched > 0 ? "enterArgs" : "enter";
    entry.add(hook(enterHook, enterDesc.toString()));
    entry.add(new VarInsnNode(ASTORE, frameSlot));
    for (int k = batched; k < refSlots.size(); k++) {
      entry.add(argCall(refSlots.get(k)));
    }
    LabelNode start = new LabelNode();
    // The catch-all covers the body; in a constructor only from super(...) on, since a handler
    // may not cover code where `this` is still uninitialized and then use the frame.
    if (superCall != null) {
      code.insert(superCall, start);
    } else {
      entry.add(start);
    }
    code.insert(entry);
    LabelNode end = new LabelNode();
    LabelNode handler = new LabelNode();
    code.add(end);
    code.add(handler);
    // the exception in flight goes to Hooks.unwind too: it moves to the caller like a return value
    code.add(new InsnNode(DUP));
    code.add(new VarInsnNode(ALOAD, frameSlot));
    code.add(hook("unwind", "(Ljava/lang/Throwable;" + FRAME_DESC + ")V"));
    code.add(new InsnNode(ATHROW));
    mn.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    mn.maxLocals = nextSpill;
    mn.maxStack += 8;
    return true;
  }

  /**
   * A method that no frame needs: it calls nothing, allocates nothing and stores no reference
   * outside its own locals, so no reference count can change while it runs (other threads aside),
   * and what it returns the caller's {@code Hooks.result} counts as it counts the result of any
   * call. Such methods (getters, {@code size()}, index arithmetic, array reads) are most of the
   * calls a program makes; their frame enter/exit was most of refshadow's cost. A constructor
   * always keeps its frame (it hands the new object over).
   */
  static boolean isLeaf(MethodNode mn) {
    for (AbstractInsnNode in : mn.instructions) {
      switch (in.getOpcode()) {
        case INVOKEVIRTUAL:
        case INVOKESPECIAL:
        case INVOKESTATIC:
        case INVOKEINTERFACE:
        case INVOKEDYNAMIC:
        case NEW:
        case NEWARRAY:
        case ANEWARRAY:
        case MULTIANEWARRAY:
        case AASTORE:
          return false;
        case PUTFIELD:
        case PUTSTATIC:
          if (isReference(((FieldInsnNode) in).desc)) {
            return false;
          }
          break;
        default:
          break;
      }
    }
    return true;
  }

  /**
   * The local slots of the method's reference parameters, after {@code this}'s (slot 0) when {@code
   * withThis} and the method has one.
   */
  private List<Integer> referenceSlots(boolean withThis) {
    List<Integer> slots = new ArrayList<>();
    int slot = 0;
    if ((mn.access & ACC_STATIC) == 0) {
      if (withThis) {
        slots.add(0);
      }
      slot = 1;
    }
    for (Type t : Type.getArgumentTypes(mn.desc)) {
      if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
        slots.add(slot);
      }
      slot += t.getSize();
    }
    return slots;
  }

  /** Control-flow successors of each original instruction, from the analysis. */
  private final java.util.Map<Integer, List<Integer>> successorMap = new java.util.HashMap<>();

  private List<Integer> successors(int insn) {
    return successorMap.computeIfAbsent(insn, k -> new ArrayList<>(2));
  }

  /** Per original instruction: a temporary may be live when it starts (see mayHoldTemps). */
  private boolean[] dirty;

  /**
   * Whether a statement boundary at original instruction {@code i} can find a temporary to release
   * (or a callee's unclaimed return value): only if some path from the method's entry or from the
   * previous boundary runs through an instruction that makes one (a call, an allocation, a lambda,
   * or the start of an exception handler). Elsewhere {@code Hooks.line} would do nothing.
   */
  private boolean mayHoldTemps(int i) {
    if (dirty == null) {
      dirty = computeDirty();
    }
    return dirty[i];
  }

  private boolean[] computeDirty() {
    int n = insns.length;
    boolean[] in = new boolean[n];
    java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
    for (TryCatchBlockNode tc : mn.tryCatchBlocks) {
      int h = indexOf(tc.handler);
      if (h >= 0 && !in[h]) {
        in[h] = true;
        work.add(h);
      }
    }
    for (int i = 0; i < n; i++) {
      if (makesTemps(insns[i]) && frames[i] != null) {
        work.add(i); // its successors start dirty
      }
    }
    while (!work.isEmpty()) {
      int i = work.poll();
      if (makesTemps(insns[i]) || (in[i] && !isBoundary(i))) {
        markSuccessors(i, in, work);
      }
    }
    return in;
  }

  /** Forward propagation step: each successor of {@code i} not yet marked is marked and queued. */
  private void markSuccessors(int i, boolean[] in, java.util.ArrayDeque<Integer> work) {
    for (int s : successorMap.getOrDefault(i, List.of())) {
      if (!in[s]) {
        in[s] = true;
        work.add(s);
      }
    }
  }

  private static boolean makesTemps(AbstractInsnNode in) {
    switch (in.getOpcode()) {
      case INVOKEVIRTUAL:
      case INVOKESPECIAL:
      case INVOKESTATIC:
      case INVOKEINTERFACE:
      case INVOKEDYNAMIC:
      case NEWARRAY:
      case ANEWARRAY:
      case MULTIANEWARRAY:
        return true;
      default:
        return false;
    }
  }

  /** A line-number entry where a {@code Hooks.line} releases everything (empty operand stack). */
  private boolean isBoundary(int i) {
    if (!(insns[i] instanceof LineNumberNode)) {
      return false;
    }
    Frame<SourceValue> at = frameAtNextInsn(i);
    return at != null && at.getStackSize() == 0;
  }

  private void instrumentCall(
      InsnList code, MethodInsnNode m, int i, Frame<SourceValue> before, boolean isSuperCall) {
    Type[] args = Type.getArgumentTypes(m.desc);
    Type ret = Type.getReturnType(m.desc);
    boolean hasReceiver = m.getOpcode() != INVOKESTATIC;
    int consumed = args.length + (hasReceiver ? 1 : 0);
    int position = before.getStackSize() - consumed;

    // Replacements that perform and mirror bulk copies.
    if (m.getOpcode() == INVOKESTATIC
        && m.owner.equals("java/lang/System")
        && m.name.equals("arraycopy")) {
      m.owner = HOOKS;
      m.itf = false;
      m.desc = "(Ljava/lang/Object;ILjava/lang/Object;II" + FRAME_DESC + ")V";
      code.insertBefore(m, new VarInsnNode(ALOAD, frameSlot));
      releaseAfter(code, m, i, position, consumed);
      return;
    }
    if (m.getOpcode() == INVOKESTATIC
        && m.owner.equals("java/util/Arrays")
        && (m.name.equals("copyOf") || m.name.equals("copyOfRange"))
        && m.desc.startsWith("([Ljava/lang/Object;")
        && m.desc.endsWith(")[Ljava/lang/Object;")
        && args.length == (m.name.equals("copyOf") ? 2 : 3)
        && args[1].getSort() == Type.INT) {
      m.owner = HOOKS;
      m.itf = false;
      if (internal) {
        m.name = m.name + "Internal";
      }
      m.desc = m.desc.replace(")", FRAME_DESC + ")");
      code.insertBefore(m, new VarInsnNode(ALOAD, frameSlot));
    } else if (m.getOpcode() == INVOKEVIRTUAL
        && m.owner.startsWith("[")
        && m.name.equals("clone")
        && m.desc.equals("()Ljava/lang/Object;")) {
      m.setOpcode(INVOKESTATIC);
      m.owner = HOOKS;
      m.name = internal ? "cloneArrayInternal" : "cloneArray";
      m.desc = "(Ljava/lang/Object;" + FRAME_DESC + ")Ljava/lang/Object;";
      code.insertBefore(m, new VarInsnNode(ALOAD, frameSlot));
      m.itf = false;
    }

    if (!m.owner.equals(HOOKS)) {
      // not replaced by a Hooks method (which makes no frame); what goes in front of the call
      // after this (spills, Hooks.escape, superCall) enters no method
      code.insertBefore(m, storeCallPosition(i, before, position));
    }
    if (m.name.equals("<init>")) {
      InsnList after = new InsnList();
      if (isSuperCall) {
        code.insertBefore(m, frameCall("superCall", "(" + FRAME_DESC + ")V"));
        if (anyTemp(i, before, position + 1, consumed - 1)) {
          after.add(frameCallAt("called", position + 1));
        }
        code.insert(m, after);
        return;
      }
      // a constructor call on a new object: take the object (its constructor hands it over),
      // then release the argument temporaries
      Frame<SourceValue> afterFrame = frameAtNextInsn(i);
      if (afterFrame != null
          && afterFrame.getStackSize() == position
          && position > 0
          && tracesToNew(before.getStack(position))) {
        after.add(allocatedAt(position - 1));
      }
      if (anyTemp(i, before, position + 1, consumed - 1)) {
        after.add(frameCallAt("called", position));
      }
      code.insert(m, after);
      return;
    }

    InsnList pre = escapes(m, i, before, args, hasReceiver);
    if (pre != null) {
      code.insertBefore(m, pre);
    }

    InsnList after = new InsnList();
    if (ret.getSort() == Type.OBJECT || ret.getSort() == Type.ARRAY) {
      after.add(new InsnNode(DUP));
      after.add(new VarInsnNode(ALOAD, frameSlot));
      after.add(intConst(position));
      after.add(hook("result", "(Ljava/lang/Object;" + FRAME_DESC + "I)V"));
      if (m.getOpcode() == INVOKESPECIAL
          && m.name.equals("clone")
          && m.desc.equals("()Ljava/lang/Object;")
          && (mn.access & ACC_STATIC) == 0) {
        after.add(new InsnNode(DUP));
        after.add(new VarInsnNode(ALOAD, 0));
        after.add(new InsnNode(SWAP));
        after.add(hook("clonedObject", "(Ljava/lang/Object;Ljava/lang/Object;)V"));
      }
    } else if (anyTemp(i, before, position, consumed)) {
      after.add(frameCallAt("called", position));
    }
    if (m.owner.equals("java/lang/reflect/Field")
        && m.name.equals("set")
        && m.desc.equals("(Ljava/lang/Object;Ljava/lang/Object;)V")) {
      // spill (field, owner, value), call, then mirror
      InsnList spill = new InsnList();
      int[] slots = spill(spill, args, true); // owner, value, field
      reload(spill, args, slots);
      code.insertBefore(m, spill);
      // the mirror goes first: the value may be a temporary that the call's release would free
      InsnList mirror = new InsnList();
      mirror.add(new VarInsnNode(ALOAD, slots[2]));
      mirror.add(new VarInsnNode(ALOAD, slots[0]));
      mirror.add(new VarInsnNode(ALOAD, slots[1]));
      mirror.add(
          hook("fieldSet", "(Ljava/lang/reflect/Field;Ljava/lang/Object;Ljava/lang/Object;)V"));
      after.insert(mirror);
    }
    if (m.owner.equals("java/lang/invoke/MethodHandles$Lookup")
        && ((m.name.equals("findStaticVarHandle")
                && m.desc.equals(
                    "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)"
                        + "Ljava/lang/invoke/VarHandle;"))
            || (m.name.equals("unreflectVarHandle")
                && m.desc.equals("(Ljava/lang/reflect/Field;)Ljava/lang/invoke/VarHandle;")))) {
      // remember which static field the new handle writes (spill the arguments, call, report)
      InsnList spill = new InsnList();
      int[] slots = spill(spill, args, false);
      reload(spill, args, slots);
      code.insertBefore(m, spill);
      InsnList report = new InsnList();
      report.add(new InsnNode(DUP));
      if (args.length == 3) {
        report.add(new VarInsnNode(ALOAD, slots[0]));
        report.add(new VarInsnNode(ALOAD, slots[1]));
        report.add(
            hook(
                "staticVarHandle",
                "(Ljava/lang/invoke/VarHandle;Ljava/lang/Class;Ljava/lang/String;)V"));
      } else {
        report.add(new VarInsnNode(ALOAD, slots[0]));
        report.add(
            hook(
                "unreflectedVarHandle",
                "(Ljava/lang/invoke/VarHandle;Ljava/lang/reflect/Field;)V"));
      }
      after.insert(report);
    }
    InsnList sync = opaqueWriteMirror(code, m, args, position);
    if (sync != null) {
      // first: a replaced referent becomes a temporary that the result/called event releases
      boolean releases = after.size() > 0;
      after.insert(sync);
      if (!releases) {
        after.add(frameCallAt("called", position));
      }
    }
    code.insert(m, after);
  }

  /**
   * Releases javac's hidden locals where they die. A for-each loop keeps its array or Iterator in a
   * local that has no entry in the LocalVariableTable; CPython keeps the loop's iterator on the
   * value stack and drops it when the loop ends, so that {@code lst = None} after the loop frees
   * the list. A named local, as in Python, keeps its reference until it is rebound or the method
   * returns; a hidden one is released (in the shadow only) at each point where a liveness analysis
   * finds it dead, entering from a point where it was live. Without a LocalVariableTable (classes
   * compiled without {@code -g}) nothing can be told apart and nothing changes.
   */
  private void releaseDeadHiddenLocals(InsnList code, int superIndex) {
    if (mn.localVariables == null || mn.localVariables.isEmpty()) {
      return;
    }
    int n = insns.length;
    Set<Integer> hidden = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (insns[i].getOpcode() == ASTORE && frames[i] != null && !isNamed(i)) {
        hidden.add(((VarInsnNode) insns[i]).var);
      }
    }
    if (hidden.isEmpty()) {
      return;
    }
    for (int slot : hidden) {
      boolean[] liveIn = liveness(slot);
      boolean[] holdsHidden = hiddenValueAt(slot);
      for (int p = 0; p < n; p++) {
        if (frames[p] == null || !liveOut(p, liveIn)) {
          continue;
        }
        for (int t : successorMap.getOrDefault(p, List.of())) {
          if (liveIn[t] || !holdsHidden[t] || t <= superIndex || frames[t] == null) {
            continue;
          }
          InsnList l = new InsnList();
          l.add(new InsnNode(ACONST_NULL));
          l.add(new VarInsnNode(ALOAD, frameSlot));
          l.add(intConst(slot));
          l.add(hook("storeLocal", "(Ljava/lang/Object;" + FRAME_DESC + "I)V"));
          AbstractInsnNode at = insns[t];
          if (at.getOpcode() < 0) {
            code.insert(at, l); // after a label (a jump target, a handler's start)
          } else {
            code.insertBefore(at, l);
          }
          holdsHidden[t] = false; // once per death point
        }
      }
    }
  }

  /** Whether the astore at {@code i} stores into a variable the LocalVariableTable names. */
  private boolean isNamed(int i) {
    int slot = ((VarInsnNode) insns[i]).var;
    int after = i + 1;
    for (org.objectweb.asm.tree.LocalVariableNode v : mn.localVariables) {
      if (v.index != slot) {
        continue;
      }
      int start = indexOf(v.start);
      int end = indexOf(v.end);
      if (start >= 0 && end >= 0 && start <= after && after <= end) {
        return true;
      }
    }
    return false;
  }

  private boolean liveOut(int p, boolean[] liveIn) {
    for (int t : successorMap.getOrDefault(p, List.of())) {
      if (liveIn[t]) {
        return true;
      }
    }
    return false;
  }

  /** Backward liveness of local {@code slot}: read later before being overwritten. */
  private boolean[] liveness(int slot) {
    int n = insns.length;
    boolean[] in = new boolean[n];
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = n - 1; i >= 0; i--) {
        if (frames[i] == null) {
          continue;
        }
        AbstractInsnNode x = insns[i];
        boolean use = x.getOpcode() == ALOAD && ((VarInsnNode) x).var == slot;
        boolean def =
            x instanceof VarInsnNode
                && ((VarInsnNode) x).var == slot
                && x.getOpcode() >= ISTORE
                && x.getOpcode() <= ASTORE;
        boolean v = use || (!def && liveOut(i, in));
        if (v != in[i]) {
          in[i] = v;
          changed = true;
        }
      }
    }
    return in;
  }

  /** Forward: where local {@code slot} may hold a reference stored by a hidden-local astore. */
  private boolean[] hiddenValueAt(int slot) {
    int n = insns.length;
    boolean[] in = new boolean[n];
    java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (frames[i] != null) {
        work.add(i);
      }
    }
    while (!work.isEmpty()) {
      int i = work.poll();
      AbstractInsnNode x = insns[i];
      boolean out = in[i];
      if (x instanceof VarInsnNode
          && ((VarInsnNode) x).var == slot
          && x.getOpcode() >= ISTORE
          && x.getOpcode() <= ASTORE) {
        out = x.getOpcode() == ASTORE && !isNamed(i);
      }
      if (out) {
        markSuccessors(i, in, work);
      }
    }
    return in;
  }

  /** VarHandle access modes that may write the variable. */
  private static final Set<String> VAR_HANDLE_WRITES =
      Set.of(
          "set",
          "setVolatile",
          "setOpaque",
          "setRelease",
          "compareAndSet",
          "compareAndExchange",
          "compareAndExchangeAcquire",
          "compareAndExchangeRelease",
          "weakCompareAndSet",
          "weakCompareAndSetPlain",
          "weakCompareAndSetAcquire",
          "weakCompareAndSetRelease",
          "getAndSet",
          "getAndSetAcquire",
          "getAndSetRelease");

  /** Unsafe methods (jdk.internal.misc and sun.misc) that write a reference at (Object, long). */
  private static final Set<String> UNSAFE_WRITES =
      Set.of(
          "putReference",
          "putReferenceVolatile",
          "putReferenceOpaque",
          "putReferenceRelease",
          "compareAndSetReference",
          "compareAndExchangeReference",
          "compareAndExchangeReferenceAcquire",
          "compareAndExchangeReferenceRelease",
          "weakCompareAndSetReference",
          "weakCompareAndSetReferencePlain",
          "weakCompareAndSetReferenceAcquire",
          "weakCompareAndSetReferenceRelease",
          "getAndSetReference",
          "getAndSetReferenceAcquire",
          "getAndSetReferenceRelease",
          "putObject",
          "putObjectVolatile",
          "putOrderedObject",
          "compareAndSwapObject",
          "getAndSetObject");

  /**
   * A reference write through {@code VarHandle} or {@code Unsafe}: the call's arguments are spilled
   * to fresh locals and reloaded, and the returned list (to run after the call) hands the addressed
   * object and index or offset to {@code Hooks.varHandleWrote}/{@code Hooks.unsafeWrote}, which
   * re-read the slot. Null for any other call.
   */
  private InsnList opaqueWriteMirror(InsnList code, MethodInsnNode m, Type[] args, int position) {
    boolean varHandle =
        m.getOpcode() == INVOKEVIRTUAL
            && m.owner.equals("java/lang/invoke/VarHandle")
            && VAR_HANDLE_WRITES.contains(m.name)
            && args.length > 0
            && isReference(args[args.length - 1].getDescriptor())
            && isReference(args[0].getDescriptor());
    boolean unsafe =
        m.getOpcode() == INVOKEVIRTUAL
            && (m.owner.equals("jdk/internal/misc/Unsafe") || m.owner.equals("sun/misc/Unsafe"))
            && UNSAFE_WRITES.contains(m.name)
            && args.length >= 3
            && isReference(args[0].getDescriptor())
            && args[1].getSort() == Type.LONG;
    if (!varHandle && !unsafe) {
      return null;
    }
    InsnList spill = new InsnList();
    int[] slots = spill(spill, args, true);
    int handleSlot = slots[args.length];
    reload(spill, args, slots);
    code.insertBefore(m, spill);
    InsnList l = new InsnList();
    if (varHandle) {
      l.add(new VarInsnNode(ALOAD, handleSlot));
      l.add(new VarInsnNode(ALOAD, slots[0]));
      if (args.length > 1 && args[1].getSort() == Type.INT) {
        l.add(new VarInsnNode(ILOAD, slots[1]));
      } else {
        l.add(new InsnNode(ICONST_M1));
      }
      l.add(new VarInsnNode(ALOAD, frameSlot));
      l.add(intConst(position));
      l.add(
          hook(
              "varHandleWrote",
              "(Ljava/lang/invoke/VarHandle;Ljava/lang/Object;I" + FRAME_DESC + "I)V"));
    } else {
      l.add(new VarInsnNode(ALOAD, slots[0]));
      l.add(new VarInsnNode(LLOAD, slots[1]));
      l.add(new VarInsnNode(ALOAD, frameSlot));
      l.add(intConst(position));
      l.add(hook("unsafeWrote", "(Ljava/lang/Object;J" + FRAME_DESC + "I)V"));
    }
    return l;
  }

  private void releaseAfter(InsnList code, AbstractInsnNode m, int i, int position, int consumed) {
    if (anyTemp(i, frames[i], position, consumed)) {
      code.insert(m, frameCallAt("called", position));
    }
  }

  /**
   * For a call into code outside the instrumented scope, reports each reference argument (not the
   * receiver) to {@code Hooks.escape}: the arguments are spilled to fresh locals and reloaded.
   */
  private InsnList escapes(
      MethodInsnNode m, int i, Frame<SourceValue> before, Type[] args, boolean hasReceiver) {
    boolean byReceiver = hasReceiver && scope.dependsOnReceiver(m.owner);
    if (internal || (!byReceiver && !scope.isOpaqueCallTarget(m.owner, m.name))) {
      return null; // JDK collection code calling the JDK keeps nothing of the program's
    }
    boolean anyRef = false;
    for (Type t : args) {
      anyRef |= t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
    }
    if (!anyRef) {
      return null;
    }
    InsnList l = new InsnList();
    int[] slots = spill(l, args, byReceiver);
    int receiverSlot = byReceiver ? slots[args.length] : -1;
    for (int k = 0; k < args.length; k++) {
      if (args[k].getSort() == Type.OBJECT || args[k].getSort() == Type.ARRAY) {
        if (byReceiver) {
          l.add(new VarInsnNode(ALOAD, receiverSlot));
          l.add(new VarInsnNode(ALOAD, slots[k]));
          l.add(new VarInsnNode(ALOAD, frameSlot));
          l.add(hook("escapeInto", "(Ljava/lang/Object;Ljava/lang/Object;" + FRAME_DESC + ")V"));
        } else {
          l.add(new VarInsnNode(ALOAD, slots[k]));
          l.add(new VarInsnNode(ALOAD, frameSlot));
          l.add(hook("escape", "(Ljava/lang/Object;" + FRAME_DESC + ")V"));
        }
      }
    }
    reload(l, args, slots);
    return l;
  }

  /**
   * Appends to {@code into} the stores that move a call's arguments (on top of the operand stack)
   * into fresh locals, last to first; with {@code keepReceiver}, then a copy of the receiver below
   * them, left on the stack. Returns the arguments' slots, followed by the receiver's if kept. The
   * caller puts the arguments back with {@link #reload}.
   */
  private int[] spill(InsnList into, Type[] args, boolean keepReceiver) {
    int[] slots = new int[args.length + (keepReceiver ? 1 : 0)];
    for (int k = 0; k < args.length; k++) {
      slots[k] = nextSpill;
      nextSpill += args[k].getSize();
    }
    for (int k = args.length - 1; k >= 0; k--) {
      into.add(new VarInsnNode(args[k].getOpcode(ISTORE), slots[k]));
    }
    if (keepReceiver) {
      slots[args.length] = nextSpill++;
      into.add(new InsnNode(DUP));
      into.add(new VarInsnNode(ASTORE, slots[args.length]));
    }
    return slots;
  }

  /** Loads the arguments {@link #spill} stored, in call order. */
  private static void reload(InsnList into, Type[] args, int[] slots) {
    for (int k = 0; k < args.length; k++) {
      into.add(new VarInsnNode(args[k].getOpcode(ILOAD), slots[k]));
    }
  }

  private void instrumentIndy(InsnList code, InvokeDynamicInsnNode indy, int i) {
    Type ret = Type.getReturnType(indy.desc);
    int consumed = Type.getArgumentTypes(indy.desc).length;
    int position = frames[i].getStackSize() - consumed;
    // string concatenation calls back toString() on its operands
    code.insertBefore(indy, storeCallPosition(i, frames[i], position));
    if (ret.getSort() != Type.OBJECT && ret.getSort() != Type.ARRAY) {
      if (anyTemp(i, frames[i], position, consumed)) {
        code.insert(indy, frameCallAt("called", position));
      }
      return;
    }
    Handle bsm = indy.bsm;
    boolean isLambda = bsm != null && bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory");
    InsnList after = new InsnList();
    after.add(new InsnNode(DUP));
    after.add(new VarInsnNode(ALOAD, frameSlot));
    after.add(intConst(position));
    after.add(hook(isLambda ? "lambda" : "result", "(Ljava/lang/Object;" + FRAME_DESC + "I)V"));
    code.insert(indy, after);
  }

  // ---------------------------------------------------------------------------------------------
  // Analysis helpers.

  /**
   * The index of {@code n} in the original code (the InsnList's own indexes shift as we insert).
   */
  private int indexOf(AbstractInsnNode n) {
    Integer i = originalIndex.get(n);
    return i == null ? -1 : i;
  }

  private Frame<SourceValue> frameAtNextInsn(int i) {
    for (int k = i + 1; k < insns.length; k++) {
      if (insns[k].getOpcode() >= 0) {
        return frames[k];
      }
    }
    return null;
  }

  /** The super(...) or this(...) call of a constructor: the first <init> call on `this`. */
  private AbstractInsnNode findSuperCall() {
    for (int i = 0; i < insns.length; i++) {
      AbstractInsnNode in = insns[i];
      if (in.getOpcode() == INVOKESPECIAL
          && ((MethodInsnNode) in).name.equals("<init>")
          && frames[i] != null) {
        int consumed = Type.getArgumentTypes(((MethodInsnNode) in).desc).length + 1;
        int receiver = frames[i].getStackSize() - consumed;
        if (tracesToThis(i, receiver)) {
          return in;
        }
      }
    }
    return null;
  }

  /** The value at stack index {@code idx} before insn {@code i} is the method's `this`. */
  private boolean tracesToThis(int i, int idx) {
    if (idx < 0) {
      return false;
    }
    Set<AbstractInsnNode> srcs = frames[i].getStack(idx).insns;
    if (srcs.size() != 1) {
      return false;
    }
    AbstractInsnNode src = srcs.iterator().next();
    while (src.getOpcode() == DUP) {
      int k = indexOf(src);
      Set<AbstractInsnNode> s2 = frames[k].getStack(frames[k].getStackSize() - 1).insns;
      if (s2.size() != 1) {
        return false;
      }
      src = s2.iterator().next();
    }
    return src.getOpcode() == ALOAD
        && ((VarInsnNode) src).var == 0
        && frames[indexOf(src)].getLocal(0).insns.isEmpty();
  }

  private boolean isUninitialized(int i, int idx) {
    return tracesToThis(i, idx) || tracesToNew(frames[i].getStack(idx));
  }

  /** A value made by NEW (possibly through DUPs): an object not yet constructed. */
  private boolean tracesToNew(SourceValue v) {
    for (AbstractInsnNode src : v.insns) {
      AbstractInsnNode s = src;
      int guard = 0;
      while (s.getOpcode() == DUP && guard++ < 8) {
        int k = indexOf(s);
        Set<AbstractInsnNode> s2 = frames[k].getStack(frames[k].getStackSize() - 1).insns;
        if (s2.size() != 1) {
          break;
        }
        s = s2.iterator().next();
      }
      if (s.getOpcode() == NEW) {
        return true;
      }
    }
    return false;
  }

  /** Whether any of the {@code count} values from stack index {@code from} may be a temporary. */
  private boolean anyTemp(int i, Frame<SourceValue> f, int from, int count) {
    for (int k = from; k < from + count && k < f.getStackSize(); k++) {
      if (k >= 0 && mayBeTemp(f.getStack(k), new HashSet<>())) {
        return true;
      }
    }
    return false;
  }

  private boolean mayBeTemp(SourceValue v, Set<AbstractInsnNode> seen) {
    for (AbstractInsnNode src : v.insns) {
      if (!seen.add(src)) {
        continue;
      }
      switch (src.getOpcode()) {
        case NEW:
        case NEWARRAY:
        case ANEWARRAY:
        case MULTIANEWARRAY:
        case INVOKEVIRTUAL:
        case INVOKESPECIAL:
        case INVOKESTATIC:
        case INVOKEINTERFACE:
        case INVOKEDYNAMIC:
          return true;
        case DUP:
        case DUP_X1:
        case DUP_X2:
        case DUP2:
        case DUP2_X1:
        case DUP2_X2:
        case SWAP:
        case CHECKCAST:
          {
            // a copy: look at what was copied (conservatively, anything on the stack then)
            int k = indexOf(src);
            Frame<SourceValue> f = frames[k];
            if (f == null) {
              continue;
            }
            int top = f.getStackSize();
            for (int j = Math.max(0, top - 4); j < top; j++) {
              if (mayBeTemp(f.getStack(j), seen)) {
                return true;
              }
            }
            break;
          }
        default:
          break;
      }
    }
    return false;
  }

  private static boolean isReference(String desc) {
    char c = desc.charAt(0);
    return c == 'L' || c == '[';
  }

  private static int fieldId(String owner, String name) {
    return io.refshadow.Hooks.fieldId(owner, name);
  }

  // ---------------------------------------------------------------------------------------------
  // Code builders.

  /**
   * Before a call or invokedynamic at original instruction {@code i}, whose operands start at
   * operand-stack {@code position}: {@code if (frame != null) frame.callPosition = p}, inline (no
   * call), so that the called method's entry takes over this frame's temporaries from {@code p} up
   * and none below ({@link Frame#callPosition}). {@code p} is {@code position} where a value below
   * the operands may be a temporary (one waiting for an outer call, as {@code make()}'s in {@code
   * use(make(), g(x))}), else {@code Frame.ANY_POSITION}: a temporary that is no longer on the
   * stack (a call result consumed by {@code ifnull}, {@code instanceof}, {@code getfield} or {@code
   * pop}, released only at the statement's end) is then taken as before. Nothing is stored where no
   * temporary can exist; a stale value does no harm there.
   */
  private InsnList storeCallPosition(int i, Frame<SourceValue> before, int position) {
    InsnList l = new InsnList();
    boolean below = anyTemp(i, before, 0, position);
    if (!below
        && !anyTemp(i, before, position, before.getStackSize() - position)
        && !mayHoldTemps(i)) {
      return l;
    }
    LabelNode skip = new LabelNode();
    l.add(new VarInsnNode(ALOAD, frameSlot));
    l.add(new JumpInsnNode(IFNULL, skip));
    l.add(new VarInsnNode(ALOAD, frameSlot));
    if (below) {
      l.add(intConst(position));
    } else {
      l.add(new LdcInsnNode(io.refshadow.heap.Frame.ANY_POSITION));
    }
    l.add(new FieldInsnNode(PUTFIELD, FRAME, "callPosition", "I"));
    l.add(skip);
    return l;
  }

  private static MethodInsnNode hook(String name, String desc) {
    return new MethodInsnNode(INVOKESTATIC, HOOKS, name, desc, false);
  }

  private InsnList frameCall(String name, String desc) {
    InsnList l = new InsnList();
    l.add(new VarInsnNode(ALOAD, frameSlot));
    l.add(hook(name, desc));
    return l;
  }

  private InsnList frameCallAt(String name, int position) {
    InsnList l = new InsnList();
    l.add(new VarInsnNode(ALOAD, frameSlot));
    l.add(intConst(position));
    l.add(hook(name, "(" + FRAME_DESC + "I)V"));
    return l;
  }

  private InsnList allocatedAt(int position) {
    InsnList l = new InsnList();
    l.add(new InsnNode(DUP));
    l.add(new VarInsnNode(ALOAD, frameSlot));
    l.add(intConst(position));
    l.add(
        hook(
            internal ? "allocatedInternal" : "allocated",
            "(Ljava/lang/Object;" + FRAME_DESC + "I)V"));
    return l;
  }

  private InsnList argCall(int slot) {
    InsnList l = new InsnList();
    l.add(new VarInsnNode(ALOAD, slot));
    l.add(new VarInsnNode(ALOAD, frameSlot));
    l.add(intConst(slot));
    l.add(hook("arg", "(Ljava/lang/Object;" + FRAME_DESC + "I)V"));
    return l;
  }

  private static AbstractInsnNode intConst(int v) {
    if (v >= -1 && v <= 5) {
      return new InsnNode(ICONST_0 + v);
    }
    if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      return new IntInsnNode(BIPUSH, v);
    }
    if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      return new IntInsnNode(SIPUSH, v);
    }
    return new LdcInsnNode(v);
  }
}
