module demo.app {
  requires demo.lib;

  uses demo.lib.Greeter;
}
