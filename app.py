"""Leerwinst — router only: page config, language, role, navigation."""

from pathlib import Path

import streamlit as st

from calculators.i18n import text
from calculators.rules import check_all
from ui.language import language_selector
from ui.role import role_selector

# A local icon: a ":material/...:" page icon makes the browser fetch it from Google's font servers.
ICON = Path(__file__).resolve().parent / "ui" / "assets" / "favicon.png"
st.set_page_config(page_title="Leerwinst", page_icon=str(ICON), layout="wide")
check_all()  # a broken rules file fails here, loudly, not halfway through a user's case

with st.container(horizontal=True, vertical_alignment="center", key="header"):
    st.markdown("**Leerwinst**", width="stretch")
    lang = language_selector()
    role_selector(lang)

pages = [
    st.Page(
        "ui/pages/wizard_page.py", title=text(lang, "team.nav_single"), url_path="leerwinst", default=True
    ),
    st.Page("ui/pages/team_page.py", title=text(lang, "team.nav_title"), url_path="team"),
]
page = st.navigation(pages, position="top" if len(pages) > 1 else "hidden")
page.run()
