"""Printed documents: plain functions, data in, PDF file out (reportlab)."""
