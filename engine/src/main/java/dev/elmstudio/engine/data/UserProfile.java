package dev.elmstudio.engine.data;

/** Demographics that ml-100k gives for each user ({@code u.user}). */
public record UserProfile(int id, int age, String gender, String occupation, String zip) { }
