"""The team page: upload, results table, chart and opening one employee in the wizard."""
