"""Leerwinst — router only: page config, language, navigation."""

import streamlit as st

from calculators.i18n import text
from ui import quick_page
from ui.language import language_selector

st.set_page_config(page_title="Leerwinst", page_icon=":material/school:", layout="wide")

with st.container(horizontal=True, horizontal_alignment="right"):
    lang = language_selector()

page = st.navigation(
    [st.Page(quick_page.render, title=text(lang, "page.title"), url_path="berekening", default=True)],
    position="hidden",
)
page.run()
