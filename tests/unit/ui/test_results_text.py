"""The plain-language reading of a result (ui.results_text): headline, key figures, what-would-have-to-change.

Scenarios for the five headline cases are built with calculators.scenario_from_dict; each test first
checks that its scenario really lands in the case (NPV sign, break-even stay), then checks the sentence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

import pytest

from calculators import Result, Scenario, evaluate, scenario_from_dict
from calculators.explain import KeyFigures, headline, horizon_text, key_figures, what_if_lines
from calculators.formatting import money
from calculators.i18n import Lang, text
from calculators.money.break_even import Direction, Lever, Threshold
from ui.safe_text import escape_markdown

LANGS = [Lang.NL, Lang.EN]

# Reasoning per case (default scenario: €2,800 a month, €1,000 fees, 24 h, 2 % gain, 11 % quit chance):
CASES: dict[str, dict[str, Any]] = {
    # 5 % gain: benefits pass the costs after about two years of staying, and in expectation.
    "pays": {"benefits": {"productivity_gain": 0.05}},
    # a fund pays the whole course fee and no hours fall in working time: nothing to earn back.
    "pays_at_once": {
        "training": {
            "course_fees_eur": 1000,
            "share_in_working_time": 0.0,
            "subsidies": [{"name": "O&O-fonds", "amount_eur": 1000, "month": 1}],
        }
    },
    # no productivity gain at all, but the training cuts a 40 % quit chance by half and each
    # departure costs half a year's pay: the expected value is positive, staying alone earns nothing.
    "pays_by_retention": {
        "benefits": {"productivity_gain": 0.0},
        "retention": {
            "annual_quit_probability": 0.4,
            "quit_probability_change": -0.2,
            "replacement_cost_share": 0.5,
        },
    },
    # 5 % gain pays after about two years of staying, but with a 60 % yearly quit chance few stay that long.
    "stay_but_risky": {
        "benefits": {"productivity_gain": 0.05},
        "retention": {"annual_quit_probability": 0.6, "quit_probability_change": 0.0},
    },
    # no gain and no retention effect: only costs.
    "no": {"benefits": {"productivity_gain": 0.0}, "retention": {"quit_probability_change": 0.0}},
}

SENTENCE = {
    "pays": "results.headline_pays",
    "pays_at_once": "results.headline_pays_at_once",
    "pays_by_retention": "results.headline_pays_by_retention",
    "stay_but_risky": "results.headline_stay_but_risky",
    "no": "results.headline_no",
}


def _scenario(case: str, label: str = "Sanne") -> Scenario:
    data = {**CASES[case], "employee": {"label": label}}
    return scenario_from_dict(data)


def _expected(case: str, result: Result, lang: Lang, name: str) -> str:
    values = {
        "name": name,
        "npv": money(result.npv_eur, lang),
        "horizon": horizon_text(result.horizon_months, lang),
    }
    if result.break_even_stay_months is not None:
        values["stay"] = horizon_text(result.break_even_stay_months, lang)
    return text(lang, SENTENCE[case], **values)


class TestHeadlineCases:
    """Each scenario is in the case it claims to be, and gets that case's sentence."""

    def test_pays_with_stay(self) -> None:
        """Pins NPV > 0 and a stay n > 0: "Als Sanne ... minstens n maanden blijft, verdient ... terug"."""
        result = evaluate(_scenario("pays"))
        assert result.npv_eur > 0
        assert result.break_even_stay_months is not None and result.break_even_stay_months > 0
        for lang in LANGS:
            assert headline(_scenario("pays"), result, lang) == _expected("pays", result, lang, "Sanne")
        nl = headline(_scenario("pays"), result, Lang.NL)
        assert f"Als Sanne na de opleiding minstens {result.break_even_stay_months} maanden blijft" in nl

    def test_pays_at_once(self) -> None:
        """Pins NPV > 0 and stay 0: the training pays even if the employee leaves right after it."""
        result = evaluate(_scenario("pays_at_once"))
        assert result.npv_eur > 0
        assert result.break_even_stay_months == 0
        for lang in LANGS:
            sentence = headline(_scenario("pays_at_once"), result, lang)
            assert sentence == _expected("pays_at_once", result, lang, "Sanne")
        nl = headline(_scenario("pays_at_once"), result, Lang.NL)
        assert "ook als Sanne direct na afloop vertrekt" in nl

    def test_pays_only_by_retention(self) -> None:
        """Pins NPV > 0 with no break-even stay: the gain comes from a lower chance of leaving."""
        result = evaluate(_scenario("pays_by_retention"))
        assert result.npv_eur > 0
        assert result.break_even_stay_months is None
        for lang in LANGS:
            sentence = headline(_scenario("pays_by_retention"), result, lang)
            assert sentence == _expected("pays_by_retention", result, lang, "Sanne")
        assert "kans op vertrek kleiner wordt" in headline(_scenario("pays_by_retention"), result, Lang.NL)

    def test_stays_but_risky(self) -> None:
        """Pins NPV ≤ 0 with a break-even stay: staying long enough pays, the expected result does not."""
        result = evaluate(_scenario("stay_but_risky"))
        assert result.npv_eur <= 0
        assert result.break_even_stay_months is not None
        for lang in LANGS:
            sentence = headline(_scenario("stay_but_risky"), result, lang)
            assert sentence == _expected("stay_but_risky", result, lang, "Sanne")
        assert "negatief" in headline(_scenario("stay_but_risky"), result, Lang.NL)

    def test_does_not_pay(self) -> None:
        """Pins NPV ≤ 0 and no break-even stay: says plainly that it does not pay, with the NPV."""
        result = evaluate(_scenario("no"))
        assert result.npv_eur <= 0
        assert result.break_even_stay_months is None
        for lang in LANGS:
            assert headline(_scenario("no"), result, lang) == _expected("no", result, lang, "Sanne")
        nl = headline(_scenario("no"), result, Lang.NL)
        assert nl.startswith("Bij deze cijfers verdient de opleiding zich binnen 36 maanden niet terug.")
        assert money(result.npv_eur, Lang.NL) in nl

    @pytest.mark.parametrize("case", list(CASES))
    @pytest.mark.parametrize("lang", LANGS)
    def test_no_placeholder_left(self, case: str, lang: Lang) -> None:
        """Pins that every sentence is filled in: no "{name}" or "{stay}" reaches the user."""
        scenario = _scenario(case)
        sentence = headline(scenario, evaluate(scenario), lang)
        assert "{" not in sentence and "}" not in sentence


class TestHeadlineLabel:
    """The user's own label: passed through ``escape``, with a fallback when empty."""

    EVIL: ClassVar[str] = "![x](http://evil/x.png)"

    @pytest.mark.parametrize("case", [case for case in CASES if case != "no"])
    def test_label_is_escaped(self, case: str) -> None:
        """Pins that the label goes through ``escape``: an image link comes out backslash-escaped."""
        scenario = _scenario(case, label=self.EVIL)
        sentence = headline(scenario, evaluate(scenario), Lang.NL, escape=escape_markdown)
        assert escape_markdown(self.EVIL) in sentence
        assert self.EVIL not in sentence

    def test_no_sentence_does_not_name_anyone(self) -> None:
        """Pins that the "does not pay" sentence has no name in it, so no label can reach it."""
        scenario = _scenario("no", label=self.EVIL)
        sentence = headline(scenario, evaluate(scenario), Lang.NL, escape=escape_markdown)
        assert "evil" not in sentence

    def test_escape_applies_to_label_only(self) -> None:
        """Pins that ``escape`` is not applied to the app's own text or the formatted money."""
        scenario = _scenario("stay_but_risky", label="Zed")
        result = evaluate(scenario)
        marked = headline(scenario, result, Lang.NL, escape=lambda value: f"<<{value}>>")
        plain = headline(scenario, result, Lang.NL)
        assert plain.count("Zed") == 1
        assert marked == plain.replace("Zed", "<<Zed>>")

    def test_without_escape_label_is_verbatim(self) -> None:
        """Pins the default (no escaping) for plain-text uses such as the command line."""
        scenario = _scenario("pays", label=self.EVIL)
        assert self.EVIL in headline(scenario, evaluate(scenario), Lang.EN)

    @pytest.mark.parametrize(("lang", "fallback"), [(Lang.NL, "de werknemer"), (Lang.EN, "the employee")])
    def test_empty_label_falls_back(self, lang: Lang, fallback: str) -> None:
        """Pins "de werknemer"/"the employee" for an empty or blank label, and stripping of spaces."""
        for label in ("", "   "):
            scenario = _scenario("pays", label=label)
            assert f" {fallback} " in headline(scenario, evaluate(scenario), lang)
        scenario = _scenario("pays", label="  Sanne  ")
        assert "Sanne na de" in headline(scenario, evaluate(scenario), Lang.NL)


class TestKeyFigures:
    """The metric strings, in each language's number format."""

    @staticmethod
    def _result(**changes: Any) -> Result:
        return replace(evaluate(_scenario("pays")), **changes)

    def test_dutch(self) -> None:
        """Pins "€ 1.234" (no-break space, thousands dot), "maand 9", "6 maanden", "215 %"."""
        result = self._result(
            npv_eur=1234.4, worst_case_eur=-1573.2, payback_month=9, break_even_stay_months=6, roi_pct=214.9
        )
        assert key_figures(result, Lang.NL) == KeyFigures(
            npv="€\xa01.234",
            break_even_stay="6 maanden",
            payback="maand 9",
            worst_case="€\xa0-1.573",
            roi="215\xa0%",
        )

    def test_english(self) -> None:
        """Pins "€1,234" (no space, thousands comma), "month 9", "6 months", "215%", minus before the €."""
        result = self._result(
            npv_eur=1234.4, worst_case_eur=-1573.2, payback_month=9, break_even_stay_months=6, roi_pct=214.9
        )
        assert key_figures(result, Lang.EN) == KeyFigures(
            npv="€1,234",
            break_even_stay="6 months",
            payback="month 9",
            worst_case="\u2212\u2060€1,573",
            roi="215%",
        )

    @pytest.mark.parametrize(("lang", "never"), [(Lang.NL, "> 36 maanden"), (Lang.EN, "> 36 months")])
    def test_never_within_horizon(self, lang: Lang, never: str) -> None:
        """Pins the short "> 36 maanden" on the narrow cards when there is no payback or break-even stay."""
        result = self._result(payback_month=None, break_even_stay_months=None)
        figures = key_figures(result, lang)
        assert figures.payback == never
        assert figures.break_even_stay == never

    def test_stay_zero_is_shown_as_zero_months(self) -> None:
        """Pins stay 0 as "0 maanden" (it pays at once), not as "never"."""
        assert key_figures(self._result(break_even_stay_months=0), Lang.NL).break_even_stay == "0 maanden"

    @pytest.mark.parametrize("lang", LANGS)
    def test_roi_undefined(self, lang: Lang) -> None:
        """Pins "–" for the ROI when there is no cost to divide by (a fund pays everything)."""
        result = evaluate(_scenario("pays_at_once"))
        assert result.roi_pct is None
        assert key_figures(result, lang).roi == "–"

    def test_rounding_half_up_and_no_negative_zero(self) -> None:
        """Pins whole euros rounded half away from zero, and "€ 0" (never "€ -0") for a tiny loss."""
        assert key_figures(self._result(npv_eur=1234.5), Lang.NL).npv == "€\xa01.235"
        assert key_figures(self._result(npv_eur=-0.4), Lang.NL).npv == "€\xa00"
        assert key_figures(self._result(npv_eur=-0.4), Lang.EN).npv == "€0"


class TestWhatIfLines:
    """One line per lever that can make the training pay; levers without an answer are left out."""

    ALL: ClassVar[tuple[Threshold, ...]] = (
        Threshold(Lever.PRODUCTIVITY_GAIN, 0.02, 0.045, Direction.AT_LEAST),
        Threshold(Lever.COURSE_FEES, 1000.0, 750.4, Direction.AT_MOST),
        Threshold(Lever.QUIT_PROBABILITY, 0.11, 0.052, Direction.AT_MOST),
        Threshold(Lever.EXTRA_SUBSIDY, 0.0, 1234.6, Direction.AT_LEAST),
    )

    def test_dutch_lines(self) -> None:
        """Pins each lever's Dutch sentence with percentages "4,5 %" and money "€ 751"."""
        assert what_if_lines(self.ALL, Lang.NL) == [
            "de productiviteitswinst is minstens 4,5\xa0% (nu 2,0\xa0%);",
            "het cursusgeld is hoogstens €\xa0750 (nu €\xa01.000);",
            "de kans op vertrek is hoogstens 5,2\xa0% per jaar (nu 11,0\xa0%);",
            "u krijgt €\xa01.235 subsidie of fondsbijdrage erbij.",
        ]

    def test_english_lines(self) -> None:
        """Pins each lever's English sentence with "4.5%" and "€1,000"."""
        assert what_if_lines(self.ALL, Lang.EN) == [
            "the productivity gain is at least 4.5% (now 2.0%);",
            "the course fees are at most €750 (now €1,000);",
            "the chance of leaving is at most 5.2% a year (now 11.0%);",
            "you receive €1,235 more in subsidies or fund contributions.",
        ]

    @pytest.mark.parametrize("lang", LANGS)
    def test_levers_without_answer_are_skipped(self, lang: Lang) -> None:
        """Pins that a lever with needed None gives no line, and the others keep their order."""
        some = (
            replace(self.ALL[0], needed=None),
            self.ALL[1],
            replace(self.ALL[2], needed=None),
            self.ALL[3],
        )
        full = what_if_lines(self.ALL, lang)
        assert what_if_lines(some, lang) == [full[1], full[3]]

    def test_direction_decides_the_words(self) -> None:
        """Pins issue 15's edge case (clause on, a fund, +20 points): the quit probability pays only at
        *at least* 48,2 %; it reads "minstens", and a value already met is never offered as a change."""
        upward = Threshold(Lever.QUIT_PROBABILITY, 0.11, 0.482, Direction.AT_LEAST)
        assert what_if_lines((upward,), Lang.NL) == [
            "de kans op vertrek is minstens 48,2\xa0% per jaar (nu 11,0\xa0%): dan brengt het "
            "studiekostenbeding meer terug dan vertrek kost."
        ]
        met = Threshold(Lever.QUIT_PROBABILITY, 0.11, 0.482, Direction.AT_MOST)
        assert met.already_met
        assert what_if_lines((met,), Lang.NL) == []
        assert what_if_lines((met, self.ALL[0]), Lang.EN) == [
            "the productivity gain is at least 4.5% (now 2.0%)."
        ]

    @pytest.mark.parametrize("lang", LANGS)
    def test_no_answers_no_lines(self, lang: Lang) -> None:
        """Pins an empty list when no lever can make it pay (the page then shows what_if_none)."""
        assert what_if_lines(tuple(replace(item, needed=None) for item in self.ALL), lang) == []
        assert what_if_lines((), lang) == []
