"""The content files are complete and consistent: every field, text, source and choice is there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from calculators.i18n import Lang, flat_keys, has_text, text
from calculators.scenario.fields import field_specs
from calculators.sources import sources

CONTENT = Path(__file__).resolve().parents[2] / "content"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


class TestLanguages:
    """Dutch and English carry the same texts with the same placeholders."""

    def test_same_keys_in_both_languages(self) -> None:
        """Pins key parity: a text added in one language must be added in the other."""
        assert flat_keys(Lang.NL) == flat_keys(Lang.EN)

    def test_same_placeholders_per_key(self) -> None:
        """Pins that a translation never drops or invents a {placeholder}."""
        for key in flat_keys(Lang.NL):
            nl = set(PLACEHOLDER.findall(text(Lang.NL, key)))
            en = set(PLACEHOLDER.findall(text(Lang.EN, key)))
            assert nl == en, key

    def test_no_empty_texts(self) -> None:
        """Pins that no text is left blank."""
        for lang in Lang:
            for key in flat_keys(lang):
                assert text(lang, key).strip(), f"{lang}: {key}"


class TestFields:
    """Every scenario field has a label, a help text and a sourced (or reasoned) default."""

    @pytest.mark.parametrize("lang", list(Lang))
    def test_every_field_has_label_and_help(self, lang: Lang) -> None:
        """Pins that the form and the error messages can name every field."""
        for path in field_specs():
            assert has_text(lang, f"fields.{path}.label"), path
            assert has_text(lang, f"fields.{path}.help"), path

    @pytest.mark.parametrize("lang", list(Lang))
    def test_every_choice_has_a_label(self, lang: Lang) -> None:
        """Pins that every allowed value of a choice field is shown in words."""
        for path, spec in field_specs().items():
            for value in spec.values:
                assert has_text(lang, f"choices.{path}.{value}"), f"{path}={value}"

    def test_every_cited_source_exists(self) -> None:
        """Pins that defaults cite only sources in the bibliography."""
        known = sources()
        for path, spec in field_specs().items():
            for source_id in spec.sources:
                assert source_id in known, f"{path} cites unknown source {source_id}"

    def test_defaults_lie_in_their_ranges(self) -> None:
        """Pins that every default, and every plausible range, lies within the allowed range."""
        for path, spec in field_specs().items():
            if spec.minimum is None or spec.maximum is None:
                continue
            if spec.nullable and spec.default is None:  # empty: a documented rule gives the value
                assert spec.type == "float", path
            else:
                assert spec.minimum <= spec.default <= spec.maximum, path
            if spec.plausible:
                low, high = spec.plausible
                assert spec.minimum <= low <= high <= spec.maximum, path

    def test_every_default_is_sourced_or_reasoned(self) -> None:
        """Pins the house rule: a default has a source, or is marked judgment with its reason."""
        for path, spec in field_specs().items():
            assert spec.sources or spec.judgment, path
            assert spec.basis_nl and spec.basis_en, path


class TestSources:
    """The bibliography: complete entries with a web address."""

    def test_entries_are_complete(self) -> None:
        """Pins title, publisher, year, URL, confidence and what it shows in both languages."""
        for source_id, entry in sources().items():
            assert entry.title and entry.publisher, source_id
            assert 1950 <= entry.year <= 2026, source_id
            assert entry.url.startswith(("http://", "https://")), source_id
            assert entry.confidence in {"verified", "secondary"}, source_id
            assert entry.shows_nl and entry.shows_en, source_id

    def test_ids_are_unique_in_the_file(self) -> None:
        """Pins that no id is defined twice (YAML would silently keep the last one)."""
        raw = (CONTENT / "sources.yaml").read_text(encoding="utf-8")
        ids = re.findall(r"^  ([a-z0-9_]+):\s*$", raw, flags=re.MULTILINE)
        assert len(ids) == len(set(ids))
        assert set(ids) == set(sources())


class TestExamples:
    """The shipped example scenarios."""

    def test_at_least_three_examples(self) -> None:
        """Pins the issue's minimum: three example scenarios, one of them a dead-end track."""
        files = sorted((CONTENT / "examples").glob("*.json"))
        assert len(files) >= 3
        outlooks = {
            yaml.safe_load(path.read_text(encoding="utf-8"))["employee"]["role_outlook"] for path in files
        }
        assert "dead_end" in outlooks
