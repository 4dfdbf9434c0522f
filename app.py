"""Leerwinst — router only: page config, language, role, navigation."""

import streamlit as st

from calculators.i18n import text
from calculators.rules import check_all
from ui.glossary import glossary_button
from ui.language import language_selector
from ui.page_icon import PAGE_ICON
from ui.role import role_selector

st.set_page_config(page_title="Leerwinst", page_icon=PAGE_ICON, layout="wide")
check_all()  # a broken rules file fails here, loudly, not halfway through a user's case

with st.container(horizontal=True, vertical_alignment="center", key="header"):
    st.markdown("**Leerwinst**", width="stretch")
    lang = language_selector()
    role_selector(lang)
    glossary_button(lang)

pages = [
    st.Page(
        "ui/pages/wizard_page.py", title=text(lang, "team.nav_single"), url_path="leerwinst", default=True
    ),
    st.Page("ui/pages/team_page.py", title=text(lang, "team.nav_title"), url_path="team"),
]
page = st.navigation(pages, position="top" if len(pages) > 1 else "hidden")
page.run()
