package org.srmap.ingest.cli;

/** Entry point of the srmap batch commands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("srmap " + String.join(" ", args));
    }
}
