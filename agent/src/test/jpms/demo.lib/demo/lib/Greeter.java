package demo.lib;

/** A service the library provides from a package it does not export. */
public interface Greeter {
  String greet(String who);
}
