"""The PDF/HTML report: the document built once, its sections, charts and the two renderers."""
