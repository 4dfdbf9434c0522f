"""The guided flow: steps, inputs, the form state, navigation and the welcome step."""
