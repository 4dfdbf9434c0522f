"""Comparing scenarios: the Comparison type, opening cases beside the work, the view and its chart."""
