package dev.elmstudio.app.ui;

/** One point of a training curve: a value at an optimizer step. View models hold these, charts draw them. */
public record MetricPoint(long step, double value) { }
