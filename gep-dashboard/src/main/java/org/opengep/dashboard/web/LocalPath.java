package org.opengep.dashboard.web;

/** Where a link back may go: only a path of this dashboard, never another site (an open redirect). */
public final class LocalPath {

    private LocalPath() {}

    public static String orHome(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\") ? path : "/";
    }
}
