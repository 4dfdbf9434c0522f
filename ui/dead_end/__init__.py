"""The dead-end comparison on screen: its words (pure) and its view."""
