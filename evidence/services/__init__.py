"""Evidence services: the only code that writes evidence rows (imports, edits, reference data)."""
