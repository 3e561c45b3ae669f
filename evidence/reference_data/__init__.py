"""Reference vocabulary as plain Python data (no Django, no spaCy): military aircraft names, world operators, broad
areas and base names. ``evidence.services.reference`` writes it to the database, where the reader takes it from."""
