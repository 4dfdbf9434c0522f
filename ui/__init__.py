"""Leerwinst's Streamlit user interface: pages, components, charts. It never computes money."""
