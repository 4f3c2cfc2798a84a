"""Modules generated from frontdesk/forms by tools/compile_forms.py."""
