"""The scenario: its dataclasses, field catalogue, reading and writing, schema, examples, and the
figures that follow directly from it (the wage per hour, the training's time costs)."""
