"""Page script: team mode for advisors (kept as a file so AppTest can switch to it)."""

from ui.team.page import render

render()
