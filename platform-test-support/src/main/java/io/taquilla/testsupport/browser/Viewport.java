package io.taquilla.testsupport.browser;

/** A screen size to test and screenshot at. */
public record Viewport(String name, int width, int height, boolean mobile) {

    /** A 375 px wide phone (iPhone SE/mini class). */
    public static final Viewport PHONE = new Viewport("phone", 375, 812, true);
    public static final Viewport DESKTOP = new Viewport("desktop", 1280, 900, false);
}
