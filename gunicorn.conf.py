"""gunicorn's settings for Flightcheck's web server: read from the working directory (``gunicorn project.wsgi``
run from the project's root), or name it with ``--config gunicorn.conf.py``. Command-line options override it.

The application is loaded once in the master process (``preload_app``), which then builds the question reader
(the spaCy pipeline over the world vocabulary: ~2 s of CPU) before it forks the workers: each worker starts with
the reader built, instead of its first unanswered question paying for it while other requests queue behind it
(docs/RELIABILITY.md, load); it imports the URLconf too, then moves every object alive out of the garbage
collector's reach (``gc.freeze``), so a full collection in a worker walks only what the worker allocated
(``bot.services.prepare_process``: ~220 → ~5 ms a collection). The master's database connections are closed
before the fork, so no two processes share one. A change of vocabulary later (new reference data) is picked up by
each worker as before.
"""

preload_app = True
#: gunicorn ≥ 25 opens a management socket (worker count, reload, shutdown) in $XDG_RUNTIME_DIR or ~/.gunicorn by
#: default; Flightcheck does not use it, and two servers on one host would contend for the same path.
control_socket_disable = True


def when_ready(server: object) -> None:
    """In the master, after the application is loaded and before the workers are forked."""
    from django.db import connections

    from bot.services import prepare_process

    prepare_process()
    connections.close_all()
