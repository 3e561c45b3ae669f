"""The Celery app. Settings come from Django settings with the CELERY_ prefix.

With no CELERY_BROKER_URL the app runs tasks eagerly (in-process); the code that enqueues always does so from
``transaction.on_commit`` so the task sees committed rows either way.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")

app = Celery("flightcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
