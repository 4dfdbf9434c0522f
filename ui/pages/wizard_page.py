"""Page script: the guided flow (kept as a file so AppTest can switch to it)."""

from ui.wizard.flow import render

render()
