"""The results page: the answer, charts, cash by month, uncertainty, arguments, assumptions, dead end."""
