"""Matrix: a matrix-nio bot process (``manage.py matrix_bot``) answering mentions in threads."""
