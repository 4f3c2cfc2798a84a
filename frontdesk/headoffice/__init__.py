"""The head-office workbook: export per shop and period, and consolidation."""
