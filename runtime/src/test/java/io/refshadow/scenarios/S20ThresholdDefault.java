package io.refshadow.scenarios;

import static io.refshadow.Hooks.line;
import static io.refshadow.twin.Py.local;
import static io.refshadow.twin.Py.print;
import static io.refshadow.twin.Py.py;
import static io.refshadow.twin.Py.res;

import io.refshadow.Gc;
import io.refshadow.heap.Frame;
import io.refshadow.twin.Twin;

/** s20_threshold_default: get_threshold() defaults and set_threshold with 1, 2 or 3 values. */
final class S20ThresholdDefault implements Twin {
  @Override
  public void module(Frame f) {
    Gc.disable();
    line(f);
    Gc.collect();
    line(f);
    int[] t = local(res(Gc.getThreshold(), f, 0), f, 1);
    line(f);
    print(f, "default " + t[0] + " " + t[1] + " " + t[2]);
    line(f);
    Gc.setThreshold(100);
    line(f);
    t = local(res(Gc.getThreshold(), f, 0), f, 1);
    line(f);
    print(f, "one_arg " + t[0] + " " + t[1] + " " + t[2]);
    line(f);
    Gc.setThreshold(10, 2, 2);
    line(f);
    t = local(res(Gc.getThreshold(), f, 0), f, 1);
    line(f);
    print(f, "three_args " + t[0] + " " + t[1] + " " + t[2]);
    line(f);
    Gc.setThreshold(50, 5);
    line(f);
    t = local(res(Gc.getThreshold(), f, 0), f, 1);
    line(f);
    print(f, "two_args " + t[0] + " " + t[1] + " " + t[2]);
    line(f);
    Gc.setThreshold(700, 10, 10);
    line(f);
    t = local(res(Gc.getThreshold(), f, 0), f, 1);
    line(f);
    print(f, "restored " + t[0] + " " + t[1] + " " + t[2]);
    line(f);
    print(f, "enabled " + py(Gc.isEnabled()));
    line(f);
  }
}
