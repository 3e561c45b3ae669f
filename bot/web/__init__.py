"""The chat page in the web app (``/bot/chat/``)."""
