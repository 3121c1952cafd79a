"""Annotators: each finds one kind of span in block text."""
