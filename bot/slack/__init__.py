"""Slack: slash command and Events API app mentions (signed requests), Block Kit answers."""
