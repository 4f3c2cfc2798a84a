"""Modules generated from forms/ by tools/compile_forms.py."""
