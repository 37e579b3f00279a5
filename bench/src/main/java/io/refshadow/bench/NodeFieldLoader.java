package io.refshadow.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Loads the benchmark's graph classes ({@link Link}, {@link ShadowGraphs}, {@link GcShapes}) a
 * second time, with {@link Link} declaring the field the agent injects into the application classes
 * it instruments: {@code private transient synthetic Object $refshadow$node}, added after the
 * class's own fields, as {@code InstrumentingClassVisitor} adds it. The shadow heap then keeps each
 * Link's node in that field (runtime's {@code NodeField}), not in its identity table, as it does
 * for a program's own objects under the agent; reference arrays (the lists of {@code pairs} and
 * {@code cliques}) stay in the table, as the JDK's classes and arrays do under the agent.
 *
 * <p>Everything else (the hooks, the shadow heap) comes from the parent loader, so both variants
 * run the same runtime. The field is added by editing the class file (two constant-pool entries and
 * one field), so the benchmark needs no bytecode library.
 */
final class NodeFieldLoader extends ClassLoader {
  private static final String PACKAGE = "io.refshadow.bench.";

  NodeFieldLoader(ClassLoader parent) {
    super("refshadow-bench-node-field", parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.equals(PACKAGE + "Link")
        && !name.startsWith(PACKAGE + "ShadowGraphs")
        && !name.startsWith(PACKAGE + "GcShapes")) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        byte[] bytes = read(name);
        if (name.equals(PACKAGE + "Link")) {
          bytes = withNodeField(bytes);
        }
        c = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  private byte[] read(String name) throws ClassNotFoundException {
    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class file with {@code private transient synthetic Object $refshadow$node} appended. */
  static byte[] withNodeField(byte[] classFile) {
    ByteBuffer b = ByteBuffer.wrap(classFile);
    b.position(8);
    int cpCount = b.getShort() & 0xffff;
    for (int i = 1; i < cpCount; i++) {
      int tag = b.get();
      switch (tag) {
        case 1: // Utf8
          int length = b.getShort() & 0xffff;
          b.position(b.position() + length);
          break;
        case 7: // Class
        case 8: // String
        case 16: // MethodType
        case 19: // Module
        case 20: // Package
          b.position(b.position() + 2);
          break;
        case 15: // MethodHandle
          b.position(b.position() + 3);
          break;
        case 3: // Integer
        case 4: // Float
        case 9: // Fieldref
        case 10: // Methodref
        case 11: // InterfaceMethodref
        case 12: // NameAndType
        case 17: // Dynamic
        case 18: // InvokeDynamic
          b.position(b.position() + 4);
          break;
        case 5: // Long
        case 6: // Double
          b.position(b.position() + 8);
          i++;
          break;
        default:
          throw new IllegalArgumentException("constant pool tag " + tag);
      }
    }
    int cpEnd = b.position();
    b.position(cpEnd + 6); // access_flags, this_class, super_class
    int interfaces = b.getShort() & 0xffff;
    b.position(b.position() + 2 * interfaces);
    int fieldsCountAt = b.position();
    int fields = b.getShort() & 0xffff;
    for (int f = 0; f < fields; f++) {
      b.position(b.position() + 6);
      int attributes = b.getShort() & 0xffff;
      for (int a = 0; a < attributes; a++) {
        b.position(b.position() + 2);
        int length = b.getInt();
        b.position(b.position() + length);
      }
    }
    int fieldsEnd = b.position();
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(classFile.length + 64);
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(classFile, 0, 8);
      out.writeShort(cpCount + 2);
      out.write(classFile, 10, cpEnd - 10);
      out.writeByte(1);
      out.writeUTF(io.refshadow.heap.NodeField.NAME); // entry cpCount: the name
      out.writeByte(1);
      out.writeUTF(io.refshadow.heap.NodeField.DESCRIPTOR); // entry cpCount + 1: the descriptor
      out.write(classFile, cpEnd, fieldsCountAt - cpEnd);
      out.writeShort(fields + 1);
      out.write(classFile, fieldsCountAt + 2, fieldsEnd - fieldsCountAt - 2);
      out.writeShort(0x0002 | 0x0080 | 0x1000); // ACC_PRIVATE | ACC_TRANSIENT | ACC_SYNTHETIC
      out.writeShort(cpCount);
      out.writeShort(cpCount + 1);
      out.writeShort(0); // no attributes
      out.write(classFile, fieldsEnd, classFile.length - fieldsEnd);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
