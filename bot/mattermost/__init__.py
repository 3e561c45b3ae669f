"""Mattermost: custom slash command (token verified), Slack-compatible replies."""
