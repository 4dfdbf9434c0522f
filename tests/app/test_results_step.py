"""The app page in Streamlit's AppTest: what a user sees matches the calculators, in both languages.

These tests drive the guided wizard (ui/wizard/flow.py, served by ui/pages/wizard_page.py through
app.py): start, five question steps, doubts, results. Inputs are set on the step that asks them
(widget keys ``in__<dotted path with __>``); the expected numbers come from
calculators.scenario_from_dict with the same values, formatted with ui.results_text.key_figures, so
the page is checked against the model, not against itself.
"""

from __future__ import annotations

import json
import pickle
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from calculators import Scenario, evaluate, scenario_from_dict
from calculators.explain import headline, horizon_text, key_figures, what_if_lines
from calculators.i18n import Lang, text
from calculators.money.break_even import Lever, thresholds
from ui.form.state import scenario_from_state
from ui.form.steps import ALL_FIELDS, STEPS, step_of_field
from ui.safe_text import escape_markdown
from ui.session import STEP_KEY, assumptions_key, choice_widget_key, widget_key

APP = Path(__file__).resolve().parents[2] / "app.py"
STEP = {step.id: index for index, step in enumerate(STEPS)}
SALARY = "employee.gross_monthly_salary_eur"
FEES = "training.course_fees_eur"
GAIN = "benefits.productivity_gain"
# metric card → KeyFigures attribute, in the order the page shows them
CARDS = {"npv": "npv", "stay": "break_even_stay", "payback": "payback", "worst": "worst_case", "roi": "roi"}
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


# --------------------------------------------------------------------------- helpers


def new_app() -> AppTest:
    """The app after its first run (the start step, in Dutch)."""
    at = AppTest.from_file(str(APP), default_timeout=20)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def go(at: AppTest, step_id: str) -> None:
    """Show one step (the page reads the step from session state, as its Back/Next callbacks set it)."""
    at.session_state[STEP_KEY] = STEP[step_id]
    at.run()
    assert not at.exception, [e.message for e in at.exception]


def set_number(at: AppTest, path: str, value: float) -> None:
    """Type a number into a field's widget, on the step that asks for it."""
    step = STEPS[step_of_field(path)]
    if path in step.assumptions:  # owners find it under "assumptions", drawn only when opened
        at.session_state[assumptions_key(step.id)] = True
    go(at, step.id)
    at.number_input(key=widget_key(path)).set_value(value).run()
    assert not at.exception, [e.message for e in at.exception]


def switch_language(at: AppTest, lang: Lang) -> None:
    """Click a language in the header's segmented control."""
    at.segmented_control(key="lang").set_value(lang.value).run()
    assert not at.exception, [e.message for e in at.exception]


def metrics(at: AppTest) -> dict[str, str]:
    """The metric cards on screen, label → value."""
    return {metric.label: metric.value for metric in at.metric}


def expected_metrics(scenario: Scenario, lang: Lang) -> dict[str, str]:
    """What the metric cards must show for a scenario: labels from content/i18n, values from key_figures."""
    figures = key_figures(evaluate(scenario), lang)
    return {text(lang, f"results.{card}_label"): getattr(figures, name) for card, name in CARDS.items()}


def scenario_with(**values: Any) -> Scenario:
    """The default scenario with some fields changed, by dotted path (``employee__label=...``)."""
    data: dict[str, Any] = {}
    for dunder, value in values.items():
        *parents, name = dunder.split("__")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        node[name] = value
    return scenario_from_dict(data)


def unescape(markdown: str) -> str:
    """The text a Markdown renderer shows for backslash-escaped text."""
    return _ESCAPE.sub(r"\1", markdown)


def chart_keys(at: AppTest) -> list[str | None]:
    """The keys of the plotly charts on screen (AppTest sees charts only as unknown elements)."""
    return [getattr(chart, "key", None) for chart in at.get("plotly_chart")]


# --------------------------------------------------------------------------- tests


class TestFirstRun:
    """Opening the app: no error, Dutch, the start step."""

    def test_no_exception(self) -> None:
        """Pins a clean first run: no exception, no error box, the start step's header."""
        at = new_app()
        assert not at.error
        assert [header.value for header in at.header] == [text(Lang.NL, "wizard.steps.start")]

    def test_dutch_by_default(self) -> None:
        """Pins Dutch before any choice: the language control says "nl" and every text is Dutch."""
        at = new_app()
        assert at.segmented_control(key="lang").value == Lang.NL.value
        assert any(markdown.value == text(Lang.NL, "wizard.start_intro") for markdown in at.markdown)
        assert at.button(key="nav_next").label == text(Lang.NL, "wizard.start")

    def test_next_walks_every_step(self) -> None:
        """Pins that "Volgende" goes through all steps in order, each without an error, to the results."""
        at = new_app()
        for index in range(1, len(STEPS)):
            at.button(key="nav_next").click().run()
            assert not at.exception, [e.message for e in at.exception]
            assert not at.error, [e.value for e in at.error]
            assert at.header[0].value == text(Lang.NL, f"wizard.steps.{STEPS[index].id}")
        assert at.button(key="nav_next").disabled  # nothing after the results

    @pytest.mark.parametrize("role", ["owner", "advisor"])
    @pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
    def test_every_step_renders(self, lang: Lang, role: str) -> None:
        """Pins every step in both languages and both roles drawing without exception or failure box."""
        at = new_app()
        switch_language(at, lang)
        at.segmented_control(key="role").set_value(role).run()
        for step in STEPS:
            go(at, step.id)
            assert not at.error, (step.id, [e.value for e in at.error])
            assert at.header[0].value == text(lang, f"wizard.steps.{step.id}")


class TestMetrics:
    """The results step shows exactly the calculator's figures for the form's inputs."""

    def test_default_metrics_match_calculator(self) -> None:
        """Pins all five cards (label and value) against key_figures(evaluate(default scenario))."""
        at = new_app()
        go(at, "results")
        assert metrics(at) == expected_metrics(scenario_from_dict({}), Lang.NL)

    def test_page_scenario_is_the_expected_one(self) -> None:
        """Pins that the form's state is the scenario the tests compute with (same salary, fees, gain)."""
        at = new_app()
        set_number(at, SALARY, 3300.0)
        set_number(at, FEES, 1500.0)
        set_number(at, GAIN, 4.0)  # the form shows rates as percentages
        expected = scenario_with(
            employee__gross_monthly_salary_eur=3300,
            training__course_fees_eur=1500,
            benefits__productivity_gain=0.04,
        )
        assert scenario_from_state(at.session_state.to_dict(), ALL_FIELDS) == expected

    def test_salary_change_changes_npv(self) -> None:
        """Pins that a new salary gives the NPV the calculator gives for that salary."""
        at = new_app()
        go(at, "results")
        label = text(Lang.NL, "results.npv_label")
        before = metrics(at)[label]
        set_number(at, SALARY, 3600.0)
        go(at, "results")
        expected = expected_metrics(scenario_with(employee__gross_monthly_salary_eur=3600), Lang.NL)
        assert metrics(at) == expected
        assert metrics(at)[label] != before

    def test_headline_box(self) -> None:
        """Pins the headline sentence: a warning box when it does not pay, success when it does."""
        at = new_app()
        go(at, "results")
        scenario = scenario_from_dict({})
        assert not evaluate(scenario).pays_off
        assert [box.value for box in at.warning] == [headline(scenario, evaluate(scenario), Lang.NL)]
        assert not at.success
        set_number(at, GAIN, 10.0)
        go(at, "results")
        scenario = scenario_with(benefits__productivity_gain=0.10)
        assert evaluate(scenario).pays_off
        assert [box.value for box in at.success] == [headline(scenario, evaluate(scenario), Lang.NL)]

    def test_label_is_escaped_in_headline(self) -> None:
        """Pins that a label typed as Markdown reaches the headline escaped (no image is loaded)."""
        evil = "![x](http://evil/x.png)"
        at = new_app()
        go(at, "employee")
        at.text_input(key=widget_key("employee.label")).input(evil).run()
        set_number(at, GAIN, 10.0)
        go(at, "results")
        (box,) = at.success
        assert escape_markdown(evil) in box.value
        assert evil not in box.value
        assert evil in unescape(box.value)

    def test_chart_present(self) -> None:
        """Pins the cumulative chart (key chart_cumulative) on the results step, in the page's language."""
        at = new_app()
        go(at, "results")
        assert "chart_cumulative" in chart_keys(at)
        (chart,) = [c for c in at.get("plotly_chart") if getattr(c, "key", None) == "chart_cumulative"]
        layout = json.loads(chart.proto.spec)["layout"]
        assert layout["separators"] == ",."
        assert layout["title"]["text"] == text(Lang.NL, "chart.cumulative_title")


class TestLanguageSwitch:
    """Switching to English keeps every input and shows English words and numbers."""

    def test_inputs_kept_and_english_shown(self) -> None:
        """Pins salary, fees and gain unchanged after the switch; English labels and "€1,234" numbers."""
        at = new_app()
        set_number(at, SALARY, 3300.0)
        set_number(at, FEES, 1500.0)
        set_number(at, GAIN, 4.0)
        switch_language(at, Lang.EN)
        for path, value in ((SALARY, 3300.0), (FEES, 1500.0), (GAIN, 4.0)):
            assert at.session_state[widget_key(path)] == value
            go(at, STEPS[step_of_field(path)].id)
            widget = at.number_input(key=widget_key(path))
            assert widget.value == value
            assert widget.label.startswith(text(Lang.EN, f"fields.{path}.label"))
        go(at, "results")
        assert at.header[0].value == text(Lang.EN, "wizard.steps.results")
        scenario = scenario_with(
            employee__gross_monthly_salary_eur=3300,
            training__course_fees_eur=1500,
            benefits__productivity_gain=0.04,
        )
        assert metrics(at) == expected_metrics(scenario, Lang.EN)
        npv = metrics(at)[text(Lang.EN, "results.npv_label")]
        assert re.fullmatch(r"(?:\u2212\u2060)?€\d{1,3}(,\d{3})*", npv), npv

    def test_switch_back_to_dutch(self) -> None:
        """Pins that switching back gives Dutch texts and "€ 1.234" numbers with the same inputs."""
        at = new_app()
        set_number(at, SALARY, 3300.0)
        switch_language(at, Lang.EN)
        switch_language(at, Lang.NL)
        go(at, "results")
        expected = scenario_with(employee__gross_monthly_salary_eur=3300)
        assert metrics(at) == expected_metrics(expected, Lang.NL)
        npv = metrics(at)[text(Lang.NL, "results.npv_label")]
        assert re.fullmatch(r"€\xa0-?\d{1,3}(\.\d{3})*", npv), npv

    def test_chart_follows_language(self) -> None:
        """Pins the chart's separators and title in English after the switch."""
        at = new_app()
        switch_language(at, Lang.EN)
        go(at, "results")
        (chart,) = [c for c in at.get("plotly_chart") if getattr(c, "key", None) == "chart_cumulative"]
        layout = json.loads(chart.proto.spec)["layout"]
        assert layout["separators"] == ".,"
        assert layout["title"]["text"] == text(Lang.EN, "chart.cumulative_title")


class TestStudyCostClause:
    """Training required by law or cao: the study-cost clause is void, and the form says so."""

    CLAUSE = widget_key("retention.study_cost_clause.enabled")

    @pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
    def test_mandatory_disables_clause(self, lang: Lang) -> None:
        """Pins: kind "mandatory" → clause toggle disabled and the clause_void_note shown; other kinds not."""
        at = new_app()
        switch_language(at, lang)
        go(at, "training")
        note = text(lang, "page.clause_void_note")
        assert not at.toggle(key=self.CLAUSE).disabled
        assert note not in [caption.value for caption in at.caption]
        at.selectbox(key=choice_widget_key("training.kind", lang)).set_value("mandatory").run()
        assert not at.exception
        assert at.toggle(key=self.CLAUSE).disabled
        assert note in [caption.value for caption in at.caption]
        at.selectbox(key=choice_widget_key("training.kind", lang)).set_value("current_job").run()
        assert not at.toggle(key=self.CLAUSE).disabled
        assert note not in [caption.value for caption in at.caption]

    def test_clause_on_shows_its_details(self) -> None:
        """Pins that switching the clause on shows its details (months, scale, covers) without a failure."""
        at = new_app()
        go(at, "training")
        at.toggle(key=self.CLAUSE).set_value(True).run()
        assert not at.exception
        assert not at.error, [e.value for e in at.error]
        assert not at.button(key="nav_next").disabled

    def test_clause_on_then_mandatory(self) -> None:
        """Pins that a clause switched on before choosing "mandatory" is disabled, noted and not counted."""
        at = new_app()
        go(at, "training")
        at.toggle(key=self.CLAUSE).set_value(True).run()
        at.selectbox(key=choice_widget_key("training.kind", Lang.NL)).set_value("mandatory").run()
        assert not at.error, [e.value for e in at.error]
        assert at.toggle(key=self.CLAUSE).disabled

    def test_mandatory_clause_not_counted(self) -> None:
        """Pins that with kind "mandatory" the results are those of a scenario without a clause."""
        at = new_app()
        go(at, "training")
        at.selectbox(key=choice_widget_key("training.kind", Lang.NL)).set_value("mandatory").run()
        go(at, "results")
        assert metrics(at) == expected_metrics(scenario_with(training__kind="mandatory"), Lang.NL)


class TestRefusedInput:
    """A combination the model refuses: an error naming the field, inputs kept, no way past it."""

    @staticmethod
    def _refused(at: AppTest) -> None:
        set_number(at, SALARY, 3100.0)
        set_number(at, "training.duration_months", 1)
        set_number(at, "training.share_in_working_time", 100.0)
        set_number(at, "training.hours", 400.0)  # 400 h in one month, all in working time

    def test_error_names_field_and_inputs_kept(self) -> None:
        """Pins an st.error naming the training hours by their label (never the internal path), the
        typed values still there, and Next disabled."""
        at = new_app()
        self._refused(at)
        assert at.header[0].value == text(Lang.NL, "wizard.steps.training")
        messages = [unescape(error.value) for error in at.error]
        assert len(messages) == 1, messages
        assert messages[0].startswith(text(Lang.NL, "fields.training.hours.label") + ": ")
        assert "training.hours" not in messages[0]
        assert "400" in messages[0]
        assert at.number_input(key=widget_key("training.hours")).value == 400.0
        assert at.number_input(key=widget_key("training.duration_months")).value == 1
        assert at.session_state[widget_key(SALARY)] == 3100.0
        assert at.button(key="nav_next").disabled

    def test_results_step_explains_and_links_back(self) -> None:
        """Pins the results step: no metrics, the "cannot calculate" warning, and a button to the step."""
        at = new_app()
        self._refused(at)
        go(at, "results")
        assert not at.metric
        assert [box.value for box in at.warning] == [text(Lang.NL, "wizard.cannot_calculate")]
        label = text(Lang.NL, "fields.training.hours.label") + ": "
        assert any(unescape(error.value).startswith(label) for error in at.error)
        fix = at.button(key=f"fix__training.hours__{STEP['training']}")
        assert fix.label == text(Lang.NL, "wizard.fix", step=text(Lang.NL, "wizard.steps.training"))
        fix.click().run()
        assert at.header[0].value == text(Lang.NL, "wizard.steps.training")
        assert at.number_input(key=widget_key("training.hours")).value == 400.0

    def test_fixing_the_field_clears_the_error(self) -> None:
        """Pins that a valid value removes the error and the results come back with the other inputs."""
        at = new_app()
        self._refused(at)
        set_number(at, "training.hours", 40.0)
        assert not at.error
        go(at, "results")
        expected = scenario_with(employee__gross_monthly_salary_eur=3100, training__hours=40)
        assert metrics(at) == expected_metrics(expected, Lang.NL)


class TestWhatIf:
    """ "What would have to change?" appears exactly when the training does not pay."""

    @pytest.mark.parametrize("lang", [Lang.NL, Lang.EN])
    def test_section_when_not_paying(self, lang: Lang) -> None:
        """Pins the title and lines = what_if_lines(thresholds(scenario)) when NPV ≤ 0."""
        at = new_app()
        switch_language(at, lang)
        go(at, "results")
        scenario = scenario_from_dict({})
        result = evaluate(scenario)
        assert result.npv_eur <= 0
        assert text(lang, "results.what_if_title") in [sub.value for sub in at.subheader]
        lines = what_if_lines(thresholds(scenario), lang)
        assert lines
        intro = text(lang, "results.what_if_intro", horizon=horizon_text(result.horizon_months, lang))
        section = intro + "\n\n" + "\n".join(f"- {line}" for line in lines)
        assert section in [markdown.value for markdown in at.markdown]

    def test_each_lever_value_makes_npv_zero(self) -> None:
        """Pins that each lever's break-even value, put back into the scenario, gives NPV ≈ 0."""
        scenario = scenario_from_dict({})
        for found in thresholds(scenario):
            if found.needed is None:
                continue
            if found.lever is Lever.PRODUCTIVITY_GAIN:
                benefits = replace(scenario.benefits, productivity_gain=found.needed)
                changed = replace(scenario, benefits=benefits)
            elif found.lever is Lever.COURSE_FEES:
                training = replace(scenario.training, course_fees_eur=found.needed)
                changed = replace(scenario, training=training)
            elif found.lever is Lever.QUIT_PROBABILITY:
                retention = replace(scenario.retention, annual_quit_probability=found.needed)
                changed = replace(scenario, retention=retention)
            else:
                subsidy = {"name": "", "amount_eur": found.needed, "month": scenario.training.start_month}
                changed = scenario_with(training__subsidies=[subsidy])
            assert abs(evaluate(changed).npv_eur) < 0.01, found

    def test_section_gone_when_paying(self) -> None:
        """Pins that the section disappears once NPV > 0 (here: a 10 % productivity gain)."""
        at = new_app()
        set_number(at, GAIN, 10.0)
        go(at, "results")
        assert evaluate(scenario_with(benefits__productivity_gain=0.10)).npv_eur > 0
        title = text(Lang.NL, "results.what_if_title")
        assert title not in [sub.value for sub in at.subheader]
        intro = text(Lang.NL, "results.what_if_intro", horizon=horizon_text(36, Lang.NL))
        assert not any(markdown.value.startswith(intro) for markdown in at.markdown)


class TestSessionState:
    """What the app keeps for a user is plain data: numbers, strings, booleans, lists of strings."""

    @staticmethod
    def _plain(value: object) -> bool:
        if value is None or isinstance(value, bool | int | float | str):  # None: a number left empty
            return True
        return isinstance(value, list) and all(isinstance(item, str) for item in value)

    def test_own_keys_are_plain_and_pickle(self) -> None:
        """Pins every in__*, lang, role and step value as int/float/str/bool/list[str] (or None for a
        number the user may leave empty), pickling unchanged."""
        at = new_app()
        set_number(at, SALARY, 3300.0)
        for step in STEPS:
            go(at, step.id)
        switch_language(at, Lang.EN)
        at.segmented_control(key="role").set_value("advisor").run()
        for step in STEPS:
            go(at, step.id)
        state = at.session_state.to_dict()
        ours = {
            key: value
            for key, value in state.items()
            if key.startswith("in__") or key in {"lang", "role", STEP_KEY}
        }
        assert len(ours) > len(ALL_FIELDS)  # every field, plus subsidy lines and doubts
        for key, value in ours.items():
            assert self._plain(value), (key, type(value), value)
            assert pickle.loads(pickle.dumps(value)) == value, key
        assert ours["lang"] == "en"
        assert ours[widget_key(SALARY)] == 3300.0
