"""The case as a form: the steps and their fields, input widgets, the form state and navigation."""
