/**
 * The dashboard: server-rendered pages (Thymeleaf) that the ES modules in {@code static/app} keep
 * live, the server-sent event stream that tells open pages what changed, and the chart data the
 * pages draw, downsampled on the server.
 */
package dev.tunelab.dashboard;
