"""The guided wizard in AppTest: every step, navigation, persistence, modes, languages, figures."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from calculators import evaluate, scenario_from_dict, scenario_to_dict
from calculators.explain import headline, key_figures
from calculators.i18n import Lang, text
from tests.app.helpers import each_results_tab, goto, open_results_tab, set_number
from ui.form.steps import STEPS
from ui.session import choice_widget_key, tabs_key, widget_key

SALARY = widget_key("employee.gross_monthly_salary_eur")
FEES = widget_key("training.course_fees_eur")
GAIN = widget_key("benefits.productivity_gain")
# the nested tabs inside a results tab: (results tab, tab group, label key, the chart it draws)
OTHER_TABS = [
    ("money", "tabs_money", "chart.tab_benefits", "chart_benefits"),
    ("uncertainty", "tabs_uncertainty", "uncertainty.tabs.fan", "chart_fan"),
    ("uncertainty", "tabs_uncertainty", "uncertainty.tabs.tornado", "chart_tornado"),
]


def _chart_keys(at: AppTest) -> list[str]:
    return sorted(element.proto.id.rsplit("-", 1)[-1] for element in at.get("plotly_chart"))


def _metric(at: AppTest, lang: str, name: str) -> str:
    label = text(lang, f"results.{name}_label")
    return next(metric.value for metric in at.metric if metric.label == label)


class TestSteps:
    """Each step renders, in order, with Back and Next."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    @pytest.mark.parametrize("role", ["owner", "advisor"])
    def test_every_step_renders_without_exception(self, app: AppTest, lang: str, role: str) -> None:
        """Pins that a whole walk through the wizard raises nothing, in both languages and roles."""
        app.segmented_control(key="lang").set_value(lang).run()
        app.segmented_control(key="role").set_value(role).run()
        for index, step in enumerate(STEPS):
            assert app.header[0].value == text(lang, f"wizard.steps.{step.id}")
            assert not app.exception, app.exception
            assert not app.error, [error.value for error in app.error]
            if index < len(STEPS) - 1:
                app.button(key="nav_next").click().run()

    def test_back_returns_to_the_previous_step(self, app: AppTest) -> None:
        """Pins Back: from the training step it shows the employee step."""
        goto(app, "training")
        app.button(key="nav_back").click().run()
        assert app.header[0].value == text("nl", "wizard.steps.employee")

    def test_back_is_disabled_at_the_start_and_next_at_the_end(self, app: AppTest) -> None:
        """Pins the disabled ends of the navigation."""
        assert app.button(key="nav_back").disabled
        goto(app, "results")
        assert app.button(key="nav_next").disabled

    def test_to_results_appears_once_there_was_an_answer(self, app: AppTest) -> None:
        """Pins the shortcut: absent before the first answer; afterwards, on a question step, it leads
        straight to the answer, which follows the number just changed."""
        goto(app, "training")
        assert not [button for button in app.button if button.key == "nav_results"]
        goto(app, "results")
        before = _metric(app, "nl", "npv")
        goto(app, "training")
        app.number_input(key=FEES).set_value(2500.0).run()
        shortcut = app.button(key="nav_results")
        assert shortcut.label == text("nl", "wizard.to_results") and not shortcut.disabled
        shortcut.click().run()
        assert app.header[0].value == text("nl", "wizard.steps.results")
        scenario = scenario_from_dict({"training": {"course_fees_eur": 2500}})
        assert _metric(app, "nl", "npv") == key_figures(evaluate(scenario), Lang.NL).npv != before

    def test_progress_names_the_step(self, app: AppTest) -> None:
        """Pins the progress indicator text: step number, total and title."""
        goto(app, "training")
        expected = text("nl", "wizard.progress", number=3, total=5, title=text("nl", "wizard.steps.training"))
        assert app.get("progress")[0].proto.text == expected


class TestPersistence:
    """Inputs keep their values across steps, language and role switches."""

    def test_values_survive_steps_language_and_role(self, app: AppTest) -> None:
        """Pins persist_state: a salary typed on step 2 is still there after everything else."""
        goto(app, "employee")
        set_number(app, SALARY, 3456.0)
        goto(app, "yields")
        set_number(app, GAIN, 4.5)
        app.segmented_control(key="lang").set_value("en").run()
        app.segmented_control(key="role").set_value("advisor").run()
        goto(app, "employee")
        assert app.number_input(key=SALARY).value == 3456.0
        assert app.number_input(key=SALARY).label.startswith(
            text("en", "fields.employee.gross_monthly_salary_eur.label")
        )
        goto(app, "yields")
        assert app.number_input(key=GAIN).value == 4.5


class TestModes:
    """Owner mode hides assumptions in an expander; advisor mode shows all with a reset per field."""

    def test_owner_sees_assumptions_in_an_expander(self, app: AppTest) -> None:
        """Pins the owner's view: the assumptions expander exists and no reset buttons are shown."""
        goto(app, "yields")
        labels = [expander.label for expander in app.expander]
        assert text("nl", "wizard.assumptions") in labels
        assert not [button for button in app.button if (button.key or "").startswith("reset__")]

    def test_advisor_reset_puts_the_default_back(self, app: AppTest) -> None:
        """Pins reset-to-default: change the decay, reset it, and the default is back."""
        app.segmented_control(key="role").set_value("advisor").run()
        goto(app, "yields")
        key = widget_key("benefits.annual_decay")
        set_number(app, key, 35.0)
        app.button(key=f"reset__{key}").click().run()
        assert app.number_input(key=key).value == pytest.approx(20.0)


class TestTrainingRules:
    """Legal rules visible in the form."""

    def test_mandatory_training_disables_the_clause_and_says_why(self, app: AppTest) -> None:
        """Pins art. 7:611a: for mandatory training the clause switch is disabled with an explanation."""
        goto(app, "training")
        app.selectbox(key=choice_widget_key("training.kind", Lang.NL)).select("mandatory").run()
        assert app.toggle(key=widget_key("retention.study_cost_clause.enabled")).disabled
        assert text("nl", "page.clause_void_note") in [caption.value for caption in app.caption]

    def test_impossible_hours_block_next_and_name_the_field(self, app: AppTest) -> None:
        """Pins cross-field validation on the step: 400 hours in one month is refused, inputs kept."""
        goto(app, "training")
        set_number(app, widget_key("training.hours"), 400.0)
        label = text("nl", "fields.training.hours.label")
        assert any(error.value.replace("\\", "").startswith(label + ":") for error in app.error)
        assert app.button(key="nav_next").disabled
        assert app.number_input(key=widget_key("training.hours")).value == 400.0


class TestResults:
    """The figures shown equal the calculator's for the same scenario."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_metrics_equal_the_calculator(self, app: AppTest, lang: str) -> None:
        """Pins that every key figure on screen is the calculator's, formatted for the language."""
        app.segmented_control(key="lang").set_value(lang).run()
        goto(app, "employee")
        set_number(app, SALARY, 3300.0)
        goto(app, "training")
        set_number(app, FEES, 750.0)
        goto(app, "results")
        expected_scenario = scenario_from_dict(
            {"employee": {"gross_monthly_salary_eur": 3300}, "training": {"course_fees_eur": 750}}
        )
        result = evaluate(expected_scenario)
        figures = key_figures(result, lang)
        assert _metric(app, lang, "npv") == figures.npv
        assert _metric(app, lang, "stay") == figures.break_even_stay
        assert _metric(app, lang, "payback") == figures.payback
        assert _metric(app, lang, "worst") == figures.worst_case
        assert _metric(app, lang, "roi") == figures.roi
        sentences = [box.value for box in [*app.success, *app.warning]]
        assert headline(expected_scenario, result, lang) in [
            sentence.replace("\\", "") for sentence in sentences
        ]

    def test_results_change_when_the_numbers_change(self, app: AppTest) -> None:
        """Pins that the answer follows the input: a higher gain raises the NPV shown."""
        goto(app, "results")
        before = _metric(app, "nl", "npv")
        goto(app, "yields")
        set_number(app, GAIN, 8.0)
        goto(app, "results")
        assert _metric(app, "nl", "npv") != before

    def test_each_tab_draws_only_its_own_part(self, app: AppTest) -> None:
        """Pins the results' tabs: their order, the picture over time open at first, and each tab's
        own content drawn only while it is open (charts by key, the tables, the buttons)."""
        goto(app, "results")
        tab_labels = [tab.label for tab in app.tabs]
        sections = ["over_time", "money", "cash", "uncertainty", "assumptions", "save", "report"]
        assert tab_labels[: len(sections)] == [text("nl", f"results.tabs.{section}") for section in sections]
        assert _chart_keys(app) == ["chart_cumulative"]
        field_column = text("nl", "assumptions.field")
        drawn: dict[str, tuple[list[str], bool, set[str]]] = {}
        for section in each_results_tab(app):
            tables = any(field_column in table.value.columns for table in app.table)
            keys = {str(button.key) for button in (*app.button, *app.get("download_button"))}
            drawn[section] = (_chart_keys(app), tables, keys - {"nav_back", "nav_next", "nav_start_over"})
        assert drawn == {
            "over_time": (["chart_cumulative"], False, set()),
            "money": (["chart_costs"], False, set()),
            "cash": (["chart_cash"], False, {"download_cash_csv", "download_cash_xlsx"}),
            "uncertainty": (["chart_histogram"], False, set()),
            "assumptions": ([], True, set()),
            "save": ([], False, {"download_scenario", "compare_start"}),
            "report": ([], False, {"report_prepare"}),
        }

    def test_the_simulation_waits_for_a_tab_that_needs_it(self, app: AppTest) -> None:
        """Pins that the 10,000-draw simulation runs only once "how sure?" is opened (the answer and
        the picture do not need it), and then once: reopening the tab reuses it."""

        def simulations() -> int:
            return len(app.session_state["_leerwinst_memo"].get("simulation", {}))

        goto(app, "results")
        assert simulations() == 0
        open_results_tab(app, "uncertainty")
        assert simulations() == 1
        open_results_tab(app, "over_time")
        open_results_tab(app, "uncertainty")
        assert simulations() == 1

    def test_the_open_tab_stays_open_across_steps_and_languages(self, app: AppTest) -> None:
        """Pins that going back to change a number, or switching language, brings the user back to the
        tab they were reading (Streamlit itself forgets a tab's state while it is not drawn)."""
        goto(app, "results")
        open_results_tab(app, "uncertainty")
        goto(app, "training")
        set_number(app, FEES, 900.0)
        goto(app, "results")
        assert text("nl", "uncertainty.title") in [sub.value for sub in app.subheader]
        app.segmented_control(key="lang").set_value("en").run()
        assert text("en", "uncertainty.title") in [sub.value for sub in app.subheader]
        assert _chart_keys(app) == ["chart_histogram"]

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_each_tab_draws_its_own_chart_only_while_open(self, app: AppTest, lang: str) -> None:
        """Pins the nested tabs: opening one draws its chart and drops the chart of the tab it replaces."""
        if lang == "en":
            app.segmented_control(key="lang").set_value("en").run()
        goto(app, "results")
        for section, group, label, chart in OTHER_TABS:
            open_results_tab(app, section, lang)
            app.session_state[tabs_key(group, Lang(lang))] = text(lang, label)
            app.run()
            assert not app.exception
            assert _chart_keys(app) == [chart]

    def test_assumptions_tab_marks_a_changed_input(self, app: AppTest) -> None:
        """Pins the assumptions table: the changed fees marked "changed", for an owner and an advisor."""
        field_column = text("nl", "assumptions.field")

        def shown() -> list[object]:
            return [table for table in app.table if field_column in table.value.columns]

        goto(app, "training")
        app.number_input(key=FEES).set_value(1500.0).run()
        goto(app, "results")
        assert not shown()
        open_results_tab(app, "assumptions")
        (table,) = shown()
        frame = table.value  # type: ignore[attr-defined]
        fees = frame[frame[field_column] == text("nl", "fields.training.course_fees_eur.label")]
        assert list(fees[text("nl", "assumptions.changed")]) == [text("nl", "assumptions.yes")]
        app.segmented_control(key="role").set_value("advisor").run()
        assert len(shown()) == 1

    def test_dead_end_outlook_adds_the_comparison(self, app: AppTest) -> None:
        """Pins that a dead-end outlook puts the comparison of the four options in the first tab, open."""
        goto(app, "employee")
        app.selectbox(key=choice_widget_key("employee.role_outlook", Lang.NL)).select("dead_end").run()
        goto(app, "results")
        assert app.tabs[0].label == text("nl", "results.tabs.dead_end")
        assert text("nl", "dead_end.title") in [sub.value for sub in app.subheader]
        assert _chart_keys(app) == ["chart_dead_end"]
        open_results_tab(app, "over_time")
        assert _chart_keys(app) == ["chart_cumulative"]

    def test_scenario_in_session_round_trips(self, app: AppTest) -> None:
        """Pins that the form's scenario is the default scenario when nothing was changed."""
        from ui.form.state import scenario_from_state
        from ui.form.steps import ALL_FIELDS

        goto(app, "results")
        state = dict(app.session_state.to_dict())
        scenario = scenario_from_state(state, ALL_FIELDS)
        assert scenario_to_dict(scenario) == scenario_to_dict(scenario_from_dict({}))


class TestFailures:
    """An unexpected failure shows a friendly message and a way on; no traceback, no lost input."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_a_defect_is_caught_and_inputs_survive(self, app: AppTest, lang: str) -> None:
        """Pins the error boundary: a broken session memory on the results step is reported kindly."""
        app.segmented_control(key="lang").set_value(lang).run()
        goto(app, "employee")
        set_number(app, SALARY, 3210.0)
        app.session_state["_leerwinst_memo"] = "not a memory"  # what a defect in our code could leave
        app.button(key="nav_next").click().run()
        assert not app.exception
        assert text(lang, "wizard.failure") in [error.value for error in app.error]
        assert app.button(key="failure_restart")
        del app.session_state["_leerwinst_memo"]
        goto(app, "employee")
        assert app.number_input(key=SALARY).value == 3210.0


class TestDeadEndEnglish:
    """The dead-end comparison reads correctly in English too."""

    def test_dead_end_in_english(self, app: AppTest) -> None:
        """Pins the English dead-end section: title, the four option names and the legal disclaimer."""
        app.segmented_control(key="lang").set_value("en").run()
        goto(app, "employee")
        app.selectbox(key=choice_widget_key("employee.role_outlook", Lang.EN)).select("dead_end").run()
        goto(app, "results")
        assert text("en", "dead_end.title") in [sub.value for sub in app.subheader]
        shown = " ".join(str(table.value.to_dict()) for table in app.table)
        for option in ("keep", "retrain_internal", "job_to_job", "dismiss"):
            assert text("en", f"dead_end.options.{option}") in shown
        assert any(
            text("en", "dead_end.not_legal_advice", year=2026) == caption.value for caption in app.caption
        )


def _card_sources(at: AppTest, lang: str) -> list[str]:
    prefix = text(lang, "arguments.sources", sources="")
    return [block.value for block in at.markdown if block.value.startswith(prefix)]


class TestArguments:
    """Tailored arguments on the results step for the doubts the user ticked."""

    @pytest.mark.parametrize("lang", ["nl", "en"])
    def test_ticked_doubt_shows_its_cards_and_they_follow_the_numbers(self, app: AppTest, lang: str) -> None:
        """Pins: tick W4 → the arguments section with up to three cards (owner); a new gain changes them."""
        app.segmented_control(key="lang").set_value(lang).run()
        goto(app, "doubts")
        app.checkbox(key="in__doubts__W4").check().run()
        goto(app, "results")
        hint = text(lang, "results.doubts_hint", tab=text(lang, "results.tabs.doubts"))
        assert hint in [caption.value for caption in app.caption]  # the answer says where the cards are
        open_results_tab(app, "doubts", lang)
        assert text(lang, "arguments.title") in [sub.value for sub in app.subheader]
        assert 1 <= len(_card_sources(app, lang)) <= 3
        before = [block.value for block in app.markdown]
        goto(app, "yields")
        set_number(app, GAIN, 6.0)
        goto(app, "results")  # back on the doubts tab, still open
        assert [block.value for block in app.markdown] != before
        assert 1 <= len(_card_sources(app, lang)) <= 3

    def test_no_doubt_no_section(self, app: AppTest) -> None:
        """Pins that without a ticked doubt there is no arguments tab and no card in any tab (no filler)."""
        goto(app, "results")
        opened = []
        for section in each_results_tab(app):
            opened.append(section)
            assert text("nl", "arguments.title") not in [sub.value for sub in app.subheader]
            assert not _card_sources(app, "nl")
        assert "doubts" not in opened and "uncertainty" in opened
        hint = text("nl", "results.doubts_hint", tab=text("nl", "results.tabs.doubts"))
        assert hint not in [caption.value for caption in app.caption]

    def test_advisor_sees_all_grouped_and_a_guide(self, app: AppTest) -> None:
        """Pins advisor mode: more than three cards, grouped under the doubts, and the guide download."""
        app.segmented_control(key="role").set_value("advisor").run()
        goto(app, "doubts")
        app.checkbox(key="in__doubts__W4").check().run()
        app.checkbox(key="in__doubts__W6").check().run()
        goto(app, "results")
        assert not _card_sources(app, "nl")  # the picture over time comes first
        open_results_tab(app, "doubts")
        assert len(_card_sources(app, "nl")) > 3
        headings = [block.value for block in app.markdown if block.value.startswith("#####")]
        assert headings == [
            f"##### {text('nl', 'choices.doubts.W4')}",
            f"##### {text('nl', 'choices.doubts.W6')}",
        ]
        assert any(
            button.proto.label == text("nl", "guide.download") for button in app.get("download_button")
        )
