"""How sure is it: the simulation's settings, charts, words and tab."""
