module demo.lib {
  exports demo.lib;

  provides demo.lib.Greeter with
      demo.lib.internal.DefaultGreeter;
}
