"""Chat adapters' routes; included under ``/bot/`` by project/urls.py."""
from django.urls import path

from bot.mattermost import views as mattermost
from bot.slack import views as slack
from bot.web import views as web

app_name = "bot"

urlpatterns = [
    path("slack/commands/", slack.slash_command, name="slack-commands"),
    path("slack/events/", slack.events, name="slack-events"),
    path("mattermost/command/", mattermost.slash_command, name="mattermost-command"),
    path("chat/", web.chat, name="chat"),
]
