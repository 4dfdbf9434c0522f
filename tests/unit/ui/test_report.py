"""The client report (ui/report/build.py): the HTML and the PDF carry the figures the app shows, fetch
nothing, escape what the user typed, and print as readable A4 pages.

Expected figures are computed here by calling the calculators and formatting their results with
calculators.formatting — not read from the report. One figure is computed by hand: the net cost of
the garage example's training in today's money, € 2.483 (tests/unit/ui/test_report_charts.py shows the
arithmetic: 1650 + 250 + 120 + 1054.70 − 591.32 = 2483.38).

The PDF's pages are rendered to PNG with poppler's pdftoppm into screenshots/report/ (git-ignored)
so they can be looked at; the tests check that every page was rendered and has content.
"""

from __future__ import annotations

import datetime
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from calculators import Scenario, evaluate, load_scenario_json
from calculators.arguments import select_cards
from calculators.dead_end.compare import compare_options
from calculators.dead_end.options import job_to_job_payment
from calculators.explain import key_figures, what_if_lines
from calculators.formatting import money, percent
from calculators.i18n import Lang, text
from calculators.money.break_even import thresholds
from calculators.money.monte_carlo import simulate
from calculators.rules import rules_for
from calculators.sources import sources
from ui.report.build import ReportRequest, build_document, report_html, report_pdf
from ui.uncertainty.text import share_text

# One xdist worker for the whole file (make test: --dist loadgroup), so each report is built once
# (see built()) rather than once in each worker.
pytestmark = pytest.mark.xdist_group("test_report")

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "content" / "examples"
SCREENSHOTS = ROOT / "screenshots" / "report"
DAY = datetime.date(2026, 11, 28)
DOUBTS = ("W1", "W4", "W6")


def example(name: str, doubts: tuple[str, ...] = DOUBTS) -> Scenario:
    scenario = load_scenario_json((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return replace(scenario, doubts=doubts)


def three_variants() -> tuple[tuple[str, Scenario], ...]:
    """The garage case with its clause, without it, and with a cheaper course."""
    base = example("garage_ev_course")
    clause = replace(base.retention.study_cost_clause, enabled=False)
    return (
        ("Met beding", base),
        ("Zonder beding", replace(base, retention=replace(base.retention, study_cost_clause=clause))),
        ("Goedkopere cursus", replace(base, training=replace(base.training, course_fees_eur=900.0))),
    )


Named = tuple[tuple[str, Scenario], ...]
CASES: dict[str, Callable[[], Named]] = {
    "one": lambda: (("Monteur", example("garage_ev_course")),),
    "three": three_variants,
    "dead_end": lambda: (("Orderpicker", example("warehouse_dead_end", ("W5", "W4"))),),
}


def request_for(
    case: str, lang: Lang, client: str = "Garage Jansen B.V.", guide: bool = True
) -> ReportRequest:
    return ReportRequest(CASES[case](), client, lang, DAY, guide)


def flat(value: str) -> str:
    """Whitespace as one plain space (PDF text comes back with line breaks where lines wrapped)."""
    return " ".join(value.replace("\xa0", " ").split())


def expected_figures(scenario: Scenario, lang: Lang) -> list[str]:
    """What the app shows for a scenario: key figures, chance and range, what would have to be true."""
    result = evaluate(scenario)
    sim = simulate(scenario)  # the app's default: 10,000 seeded runs over the default ranges
    shown = key_figures(result, lang)
    figures = [
        money(result.npv_eur, lang),
        money(result.worst_case_eur, lang),
        percent(result.roi_pct / 100, lang, 0) if result.roi_pct is not None else "–",
        shown.break_even_stay,
        shown.payback,
        share_text(sim.chance_it_pays, lang),
        money(sim.p10_eur, lang),
        money(sim.p50_eur, lang),
        money(sim.p90_eur, lang),
    ]
    if not result.pays_off:
        figures += what_if_lines(thresholds(scenario), lang)
    return figures


_BUILT: dict[tuple[str, Lang], tuple[str, str, bytes]] = {}


def built(case: str, lang: Lang) -> tuple[str, str, bytes]:
    """(HTML text, PDF text, PDF bytes) for a case, built once per test session."""
    key = (case, lang)
    if key not in _BUILT:
        request = request_for(case, lang)
        pdf = report_pdf(request)
        pdf_text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        _BUILT[key] = (report_html(request).decode("utf-8"), pdf_text, pdf)
    return _BUILT[key]


LANGS = [Lang.NL, Lang.EN]
ALL = [(case, lang) for case in CASES for lang in LANGS]
IDS = [f"{case}-{lang.value}" for case, lang in ALL]


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize(("case", "lang"), ALL, ids=IDS)
class TestFigures:
    """Both formats carry the same figures as the app, the disclaimer and the caveat."""

    def test_key_figures_in_html_and_pdf(self, case: str, lang: Lang) -> None:
        """Pins NPV, worst case, ROI, break-even stay, payback, chance, P10/P50/P90 and the
        break-even values of every scenario, formatted as the app formats them."""
        html_text, pdf_text, _ = built(case, lang)
        page, pdf = flat(html_text), flat(pdf_text)
        for name, scenario in CASES[case]():
            for figure in expected_figures(scenario, lang):
                assert flat(escape(figure)) in page, (name, figure)
                assert flat(figure) in pdf, (name, figure)
            assert flat(escape(name)) in page and flat(name) in pdf

    def test_disclaimer_and_caveat(self, case: str, lang: Lang) -> None:
        """Pins "not legal advice" and "figures are estimates" in both formats."""
        html_text, pdf_text, _ = built(case, lang)
        for key in ("page.disclaimer", "report.estimates", "report.estimates_long"):
            assert flat(escape(text(lang, key))) in flat(html_text), key
            assert flat(text(lang, key)) in flat(pdf_text), key

    def test_title_client_date_rules_year(self, case: str, lang: Lang) -> None:
        """Pins the title, the client, the date in the language's long form and the rules year."""
        html_text, pdf_text, _ = built(case, lang)
        day = "28 november 2026" if lang is Lang.NL else "28 November 2026"
        for expected in (text(lang, "report.title"), "Garage Jansen B.V.", day, "2026"):
            assert flat(escape(expected)) in flat(html_text)
            assert flat(expected) in flat(pdf_text)

    def test_arguments_with_their_sources(self, case: str, lang: Lang) -> None:
        """Pins every tailored argument's title, and the address of each of its sources in the list."""
        html_text, pdf_text, _ = built(case, lang)
        for _, scenario in CASES[case]():
            result = evaluate(scenario)
            found = () if result.pays_off else thresholds(scenario)
            dead_end = compare_options(scenario) if case == "dead_end" else None
            cards = select_cards(scenario.doubts, scenario, result, lang, found=found, dead_end=dead_end)
            assert cards, "the doubts chosen here must give arguments, or this test tests nothing"
            for card in cards:
                assert flat(escape(card.title)) in flat(html_text), card.card.id
                assert flat(card.title) in flat(pdf_text), card.card.id
                for source_id in card.card.sources:
                    assert escape(sources()[source_id].url) in html_text, source_id


def test_hand_computed_net_cost_in_both_formats() -> None:
    """Pins the garage training's net cost in today's money, € 2.483 (computed by hand, see above)."""
    html_text, pdf_text, _ = built("one", Lang.NL)
    assert "€\xa02.483" in html_text
    assert "€ 2.483" in flat(pdf_text)


@pytest.mark.parametrize("lang", LANGS)
def test_comparison_table_comes_first(lang: Lang) -> None:
    """Pins the comparison (title, every name, every NPV) before the first scenario's own section."""
    html_text, pdf_text, _ = built("three", lang)
    for document, quote in ((flat(html_text), escape), (flat(pdf_text), str)):
        compare = document.index(flat(quote(text(lang, "report.comparison_title"))))
        first = document.index(flat(quote(text(lang, "report.scenario_title", name="Met beding"))))
        assert compare < first
        between = document[compare:first]
        for name, scenario in three_variants():
            assert name in between and flat(money(evaluate(scenario).npv_eur, lang)) in between


@pytest.mark.parametrize("lang", LANGS)
def test_dead_end_comparison(lang: Lang) -> None:
    """Pins the four options with their routes and net costs (an unavailable one says so instead of
    a cost), the one answer on top, the transition payment and the legal caveat for the warehouse
    worker on a dead-end track."""
    scenario = CASES["dead_end"]()[0][1]
    comparison = compare_options(scenario)
    payment = job_to_job_payment(scenario)
    html_text, pdf_text, _ = built("dead_end", lang)
    for document, quote in ((flat(html_text), escape), (flat(pdf_text), str)):
        for option in comparison.options:
            assert flat(quote(text(lang, f"dead_end.options.{option.option.value}"))) in document
            if quote is escape:  # the PDF wraps a route inside its narrow cell; the HTML keeps it whole
                assert flat(quote(text(lang, f"dead_end.routes.{option.route.value}"))) in document
            if option.available:
                assert flat(money(option.net_cost_eur, lang)) in document
                assert flat(money(option.net_cost_without_compensation_eur, lang)) in document
            else:
                assert flat(money(option.net_cost_eur, lang)) not in document
        assert flat(quote(text(lang, "dead_end.not_available"))) in document
        assert flat(money(comparison.margin_eur, lang)) in document
        # the answer comes before the single training's figures, and names the cheapest available option
        answer = flat(quote(text(lang, "dead_end.answer_title")))
        detail = flat(quote(text(lang, "dead_end.detail_title")))
        assert answer in document and detail in document
        assert document.index(answer) < document.index(detail)
        assert flat(text(lang, "dead_end.tv_amount", amount=money(payment.amount_eur, lang))) in document
        assert flat(quote(text(lang, "dead_end.not_legal_advice", year=2026))) in document
    assert "dead_end" not in flat(built("one", lang)[0])  # no stray keys


@pytest.mark.parametrize("lang", LANGS)
def test_dead_end_checklist(lang: Lang) -> None:
    """Pins the checklist for deducting training costs from the transition payment in the report, as
    on the page: every condition of the 2026 rules, and the two the inputs cannot settle ("reasonable",
    "not for re-integration or redeployment") marked for the reader to check."""
    html_text, pdf_text, _ = built("dead_end", lang)
    conditions = rules_for(2026).value("deduction_conditions")
    assert len(conditions) == 8
    for document, quote in ((flat(html_text), escape), (flat(pdf_text), str)):
        assert flat(quote(text(lang, "dead_end.checklist_title"))) in document
        for condition in conditions:
            assert flat(quote(text(lang, f"dead_end.conditions.{condition}"))) in document, condition
        check = re.escape(flat(quote(text(lang, "dead_end.checklist_check"))))
        for condition in ("reasonable", "not_reintegration_or_redeployment"):
            words = re.escape(flat(quote(text(lang, f"dead_end.conditions.{condition}"))))
            assert re.search(f"{check}(</strong>)? – {words}", document), condition  # lead, dash, words


def test_no_dead_end_section_for_a_stable_role() -> None:
    """Pins that the dead-end comparison appears only when the role has no future."""
    html_text, _, _ = built("one", Lang.NL)
    assert escape(text(Lang.NL, "dead_end.title")) not in html_text


@pytest.mark.parametrize("guide", [True, False])
def test_conversation_guide_only_when_asked(guide: bool) -> None:
    """Pins the guide (its title and an employee question from content/arguments/guide.yaml) on request."""
    from ui.guide import guide_questions

    request = request_for("one", Lang.EN, guide=guide)
    page = report_html(request).decode("utf-8")
    question = guide_questions()["employee"]["en"][0]
    assert (escape(text(Lang.EN, "guide.title")) in page) is guide
    assert (escape(question) in page) is guide


def test_app_uncertainty_settings_are_used() -> None:
    """Pins that the advisor's ranges and run count (as set in the app) give the report's chance."""
    _, scenario = CASES["one"]()[0]
    from calculators.money.monte_carlo import ranges_for

    chosen = (("benefits.productivity_gain", (0.0, 0.06)),)
    request = replace(request_for("one", Lang.NL), ranges=chosen, draws=1_000)
    sim = simulate(scenario, 1_000, ranges=ranges_for(scenario, dict(chosen)))
    page = flat(report_html(request).decode("utf-8"))
    assert flat(money(sim.p10_eur, Lang.NL)) in page and flat(money(sim.p90_eur, Lang.NL)) in page
    assert flat(text(Lang.NL, "uncertainty.advisor_ranges")) in page


@pytest.mark.parametrize("count", [0, 5])
def test_one_to_four_scenarios(count: int) -> None:
    """Pins the request's limit: a report holds 1 to 4 scenarios."""
    with pytest.raises(ValueError, match="1 to 4"):
        ReportRequest((("x", example("garage_ev_course")),) * count, "", Lang.NL, DAY, False)


# --------------------------------------------------------------------------- nothing fetched, all escaped


class _Scan(HTMLParser):
    """Collects tags, attributes, and text containing an address outside the sources list."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.depth = 0  # inside <ol class="sources">
        self.outside: list[str] = []
        self.inside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        if self.depth or (tag == "ol" and ("class", "sources") in attrs):
            self.depth += 1

    def handle_endtag(self, _tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if re.search(r"https?://", data):
            (self.inside if self.depth else self.outside).append(data)


def scan(page: str) -> _Scan:
    parser = _Scan()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize(("case", "lang"), ALL, ids=IDS)
def test_html_fetches_nothing(case: str, lang: Lang) -> None:
    """Pins a self-contained page: no script, link, image, frame or external style; no address in
    any attribute or style; addresses only as text inside the sources list; a policy forbidding loads."""
    page = built(case, lang)[0]
    found = scan(page)
    assert not {"script", "link", "img", "iframe", "object", "embed", "image", "use", "a"} & set(found.tags)
    assert not [(name, value) for name, value in found.attributes if re.search(r"https?:|//|url\(", value)]
    assert not [name for name, _ in found.attributes if name in {"src", "href", "srcset", "xlink:href"}]
    assert "url(" not in page and "@import" not in page
    assert not found.outside
    assert found.inside  # the sources list is there, with its addresses
    assert "default-src 'none'" in page
    assert "@page { size: A4" in page


MALICIOUS = "<script>alert(1)</script> ![x](http://evil/x.png)"


def test_malicious_names_are_escaped_in_html() -> None:
    """Pins that client, scenario and employee names typed as markup show as text, never as markup."""
    base = example("garage_ev_course")
    evil = replace(base, employee=replace(base.employee, label='"><img src=x onerror=alert(1)>'))
    request = ReportRequest((("<b onmouseover=alert(2)>A</b>", evil),), MALICIOUS, Lang.NL, DAY, True)
    page = report_html(request).decode("utf-8")
    found = scan(page)
    assert "script" not in found.tags and "img" not in found.tags and "b" not in found.tags
    assert not [name for name, _ in found.attributes if name.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ![x](http://evil/x.png)" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b onmouseover=alert(2)&gt;A&lt;/b&gt;" in page
    assert "<script>" not in page and "<img " not in page


def test_malicious_and_unprintable_names_do_not_break_the_pdf() -> None:
    """Pins a valid PDF and HTML for names with markup, characters the font lacks, control characters
    and a very long word — in the text and in the charts (two scenarios: the NPV chart shows the
    names): markup printed as typed, a missing glyph as "?", control characters left out."""
    client = MALICIOUS + " Zoë 中文\x07\u202e" + "W" * 120
    base = example("garage_ev_course")
    named = (("Kantoor 中\x07\x00", base), ("<i>B</i>", replace(base, horizon_months=48)))
    request = ReportRequest(named, client, Lang.NL, DAY, False)
    pdf = report_pdf(request)
    reader = PdfReader(io.BytesIO(pdf))
    first = flat(reader.pages[0].extract_text())
    assert "<script>alert(1)</script> ![x](http://evil/x.png) Zoë ??" in first
    assert "Kantoor ?" in first and "<i>B</i>" in first
    assert "中" not in first
    assert 3 <= len(reader.pages) <= 30
    page = report_html(request).decode("utf-8")
    assert "Kantoor 中" in page and "\x07" not in page and "\x00" not in page
    assert "&lt;i&gt;B&lt;/i&gt;" in page and "<i>" not in page


def test_document_is_plain_text() -> None:
    """Pins that the document model holds text as typed (escaping is each renderer's job)."""
    document = build_document(ReportRequest(CASES["one"](), "<b>", Lang.NL, DAY, False))
    assert document.client == "<b>"
    assert ("Voor", "<b>") in document.meta


# --------------------------------------------------------------------------- the pages, as pictures


@pytest.mark.parametrize(("case", "lang"), ALL, ids=IDS)
def test_pdf_pages_render_to_png(case: str, lang: Lang) -> None:
    """Pins A4 pages, each rendered by pdftoppm (-r 60) to a PNG with content above the footer."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.fail(
            "pdftoppm is missing: run `make test` or `apt-get install -y poppler-utils`", pytrace=False
        )
    pdf = built(case, lang)[2]
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:  # A4 is 595.28 × 841.89 points
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            (595.28, 841.89), abs=0.1
        )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    stem = f"{case}-{lang.value}"
    for old in SCREENSHOTS.glob(f"{stem}-*.png"):
        old.unlink()
    source = SCREENSHOTS / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-r", "60", "-png", str(source), str(SCREENSHOTS / stem)], check=True, timeout=120
    )
    pictures = sorted(SCREENSHOTS.glob(f"{stem}-*.png"))
    assert len(pictures) == len(reader.pages)
    for picture in pictures:
        with Image.open(picture) as image:
            grey = image.convert("L")
            # A4 at 60 dpi: 595.28 pt / 72 × 60 = 496.1 px by 841.89 / 72 × 60 = 701.6 px (rounded up)
            assert abs(grey.width - 496.1) < 1 and abs(grey.height - 701.6) < 1
            body = grey.crop((0, 0, grey.width, int(grey.height * 0.92)))  # above the footer
            dark = sum(body.histogram()[:200])
            assert dark / (body.width * body.height) > 0.003, f"{picture.name} is (nearly) blank"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", ["one", "dead_end"])
def test_report_says_what_the_page_says(case: str, lang: Lang) -> None:
    """Pins one builder for page and report: the headline calculators.explain.read builds (the
    comparison's answer for a dead-end case, the training's otherwise), the note on the two stay
    figures and the parts of the costs are in both formats, as on the page."""
    from calculators.explain import read

    scenario = CASES[case]()[0][1]
    reading = read(scenario, lang)
    result = reading.result
    html_text, pdf_text, _ = built(case, lang)
    for document, quote in ((flat(html_text), escape), (flat(pdf_text), str)):
        for line in reading.headline.text.split("\n\n"):
            assert flat(quote(line)) in document
        assert flat(quote(text(lang, "results.figures_explained"))) in document
        assert flat(money(result.breakdown.training_net, lang)) in document
        assert flat(money(result.total_cost_eur, lang)) in document


def test_both_formats_come_from_one_document() -> None:
    """Pins report_files: the PDF and HTML it returns carry the same document as report_pdf/report_html
    (the page builds both from one computation per click)."""
    from ui.report.build import report_files

    request = request_for("one", Lang.NL)
    pdf, html = report_files(request)
    assert html == report_html(request)
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert flat(pdf_text) == flat(built("one", Lang.NL)[1])
