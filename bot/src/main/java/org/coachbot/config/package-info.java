/**
 * The bot's settings, each declared once. Every section of {@code config/application.yaml} has a class here
 * ({@link org.coachbot.config.TelegramConfig}, {@link org.coachbot.config.LlmConfig}, ...) whose constants declare
 * its settings: key, type with its bounds, default, environment variable, whether it is a secret, and help line.
 * {@link org.coachbot.config.ConfigLoader} reads and checks them, {@link org.coachbot.config.BotConfig#get} returns
 * them, and the commented {@code application.yaml} is written from them.
 *
 * <p>To add a setting, declare it in its section's class and read it with {@code config.get(...)}; then run
 * {@code SettingsFileTest}, whose failure says how to regenerate the shipped file, and give a setting with an
 * environment variable its row in the README's table ({@code ReadmeSettingsTest} checks it).
 */
package org.coachbot.config;
