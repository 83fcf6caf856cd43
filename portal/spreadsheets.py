"""Cells that visitors wrote, made safe for spreadsheets (CSV injection).

A cell starting with one of ``FORMULA_STARTS`` is run as a formula by spreadsheet
programs; a leading quote makes them show it as text. Used by the public exports and by
the admin's CSV downloads.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Text a spreadsheet shows as text, never runs as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value
