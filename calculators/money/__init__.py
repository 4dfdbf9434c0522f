"""The money model: one kernel over rows × months (docs/money-model.md) and what is read off it."""
