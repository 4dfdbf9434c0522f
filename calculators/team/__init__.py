"""Team mode: the spreadsheet of employees (columns, cells, reading, template, exports) and its figures."""
