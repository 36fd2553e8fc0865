"""Quality gate of the bundled starter vocabulary (issue 6).

Every rule reads the packaged table through the loader, so a broken line fails here with its
`file:line`. Frequency checks print their outliers (run with `-s` to see them) and fail only when
the bands stop following frequency as a whole.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib.resources import files
from itertools import permutations

import pytest
import wordfreq

from words_tui.domain.enums import Level
from words_tui.infrastructure.dictionaries.starter import (
    DATA_PACKAGE,
    DATA_PATH,
    Concept,
    StarterVocabulary,
    load_concepts,
)

LANGUAGES = ("en", "ru", "es")
BANDS = (Level.A1, Level.A2, Level.B1)
MIN_ENTRIES = 1_500
MIN_PER_BAND = 300  # ten lessons of thirty cards
MAX_PACKAGE_BYTES = 5 * 1024 * 1024
REQUIRED_FORMS = {
    ("en", "noun"): {"plural"},
    ("en", "verb"): {"past", "past_participle"},
    ("ru", "noun"): {"gender"},
    ("ru", "verb"): {"aspect"},
    ("es", "noun"): {"gender"},
}
# The writers chose bands from the English lemma's Zipf frequency: >= 5.0 A1, 4.3-5.0 A2, below B1.
ZIPF_BAND_FLOORS = ((Level.A1, 5.0), (Level.A2, 4.3), (Level.B1, float("-inf")))
MAX_OUTLIER_SHARE = 0.10  # words two bands away from their frequency band


@pytest.fixture(scope="module")
def concepts() -> tuple[Concept, ...]:
    return load_concepts()


def all_texts(concept: Concept) -> Iterator[tuple[str, str]]:
    """Every string of a concept with the field it sits in."""
    for lang, side in concept.sides.items():
        for word in side.words:
            yield f"{lang}.words", word
        yield f"{lang}.example", side.example
        for name, value in side.forms.items():
            yield f"{lang}.forms key", name
            yield f"{lang}.forms.{name}", value


def mentions(sentence: str, word: str) -> bool:
    """Whether `word` occurs in `sentence` as a whole word (or phrase), ignoring case."""
    pattern = r"(?<!\w)" + re.escape(word) + r"(?!\w)"
    return re.search(pattern, sentence, flags=re.IGNORECASE) is not None


def single_word_lemmas(concepts: tuple[Concept, ...], lang: str) -> list[Concept]:
    """Concepts whose lemma is one word: wordfreq cannot estimate how common a phrase is."""
    return [c for c in concepts if " " not in c.lemma(lang)]


def frequency_band(zipf: float) -> Level:
    return next(level for level, floor in ZIPF_BAND_FLOORS if zipf >= floor)


def test_the_table_has_at_least_1500_entries(concepts: tuple[Concept, ...]) -> None:
    assert len(concepts) >= MIN_ENTRIES, f"only {len(concepts)} concepts"


def test_ids_are_unique_across_files(concepts: tuple[Concept, ...]) -> None:
    counts = Counter(concept.id for concept in concepts)
    repeated = {
        concept_id: [c.origin for c in concepts if c.id == concept_id]
        for concept_id, n in counts.items()
        if n > 1
    }
    assert not repeated, repeated


def test_every_entry_is_given_in_every_language(concepts: tuple[Concept, ...]) -> None:
    incomplete = [
        f"{c.origin}: missing {sorted(set(LANGUAGES) - set(c.sides))}"
        for c in concepts
        if set(c.sides) != set(LANGUAGES)
    ]
    assert not incomplete, incomplete[:20]


def test_entries_stay_within_a1_to_b1(concepts: tuple[Concept, ...]) -> None:
    outside = [f"{c.origin}: {c.cefr}" for c in concepts if c.cefr not in BANDS]
    assert not outside, outside[:20]


def test_every_entry_carries_its_key_word_forms(concepts: tuple[Concept, ...]) -> None:
    """An English noun without a plural says why instead (uncountable, plural only, a month)."""
    missing = [
        f"{c.origin}: {lang} {c.pos} lacks {sorted(required - set(c.sides[lang].forms))}"
        for c in concepts
        for (lang, pos), required in REQUIRED_FORMS.items()
        if c.pos == pos
        and lang in c.sides
        and not required <= set(c.sides[lang].forms)
        and not (required == {"plural"} and "countability" in c.sides[lang].forms)
    ]
    assert not missing, missing[:20]


def test_no_english_noun_lists_itself_as_its_plural_unless_the_plural_is_the_same_word(
    concepts: tuple[Concept, ...],
) -> None:
    """Uncountable nouns ("water", "advice") have no plural form; zero plurals are real."""
    same = sorted(
        c.lemma("en")
        for c in concepts
        if c.pos == "noun"
        and c.sides["en"].forms.get("plural", "").casefold() == c.lemma("en").casefold()
    )
    assert same == ["crossroads", "deer", "fish", "sheep"]


def test_english_past_forms_in_british_spelling_have_the_american_one_beside_them(
    concepts: tuple[Concept, ...],
) -> None:
    """travel → travelled (British), traveled (American); realise → realised, realized."""
    british = [
        f"{c.origin}: {c.sides['en'].forms['past']}"
        for c in concepts
        if c.pos == "verb"
        and (
            re.search(r"[^e]el$", c.lemma("en")) is not None
            or any(word.endswith("ize") for word in c.sides["en"].words)
        )
        and "past_us" not in c.sides["en"].forms
    ]
    assert not british, british


def test_no_lemma_repeats_within_a_language_and_part_of_speech(
    concepts: tuple[Concept, ...],
) -> None:
    seen: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for concept in concepts:
        for lang, side in concept.sides.items():
            seen[(lang, concept.pos, side.lemma.casefold())].append(concept.origin)
    repeated = {key: origins for key, origins in seen.items() if len(origins) > 1}
    assert not repeated, dict(list(repeated.items())[:20])


def test_every_example_contains_the_lemma_or_a_listed_form(
    concepts: tuple[Concept, ...],
) -> None:
    failing = [
        f"{c.origin}: {lang} example {side.example!r} has neither {side.lemma!r} nor a form"
        for c in concepts
        for lang, side in c.sides.items()
        if not any(mentions(side.example, w) for w in (side.lemma, *side.forms.values()))
    ]
    assert not failing, failing[:20]


def test_no_text_is_empty_padded_or_not_nfc(concepts: tuple[Concept, ...]) -> None:
    bad = [
        f"{c.origin}: {where} = {text!r}"
        for c in concepts
        for where, text in all_texts(c)
        if not text or text != " ".join(text.split()) or text != unicodedata.normalize("NFC", text)
    ]
    assert not bad, bad[:20]


def test_words_carry_no_articles_or_infinitive_marker(concepts: tuple[Concept, ...]) -> None:
    prefixes = {"en": ("a ", "an ", "the ", "to "), "es": ("el ", "la ", "los ", "las ")}
    bad = [
        f"{c.origin}: {lang} {word!r}"
        for c in concepts
        if c.pos in {"noun", "verb"}
        for lang, starts in prefixes.items()
        for word in c.sides[lang].words
        if word.casefold().startswith(starts)
    ]
    assert not bad, bad[:20]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("level", BANDS, ids=str)
def test_each_band_has_enough_words_for_ten_lessons(
    concepts: tuple[Concept, ...], lang: str, level: Level
) -> None:
    lemmas = {(c.pos, c.lemma(lang)) for c in concepts if c.cefr == level and lang in c.sides}
    assert len(lemmas) >= MIN_PER_BAND, f"{lang} {level}: {len(lemmas)} lemmas"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bands_get_rarer_from_a1_to_b1(concepts: tuple[Concept, ...], lang: str) -> None:
    words = single_word_lemmas(concepts, lang)
    medians = {
        level: statistics.median(
            wordfreq.zipf_frequency(c.lemma(lang), lang) for c in words if c.cefr == level
        )
        for level in BANDS
        if any(c.cefr == level for c in words)
    }
    print(f"\n{lang} median Zipf frequency by band: {medians}")
    ordered = [medians[level] for level in BANDS if level in medians]
    assert ordered == sorted(ordered, reverse=True), f"{lang} bands not monotone: {medians}"


def test_few_english_words_sit_two_bands_from_their_frequency(
    concepts: tuple[Concept, ...],
) -> None:
    outliers = []
    words = single_word_lemmas(concepts, "en")
    for concept in words:
        zipf = wordfreq.zipf_frequency(concept.lemma("en"), "en")
        expected = frequency_band(zipf)
        if abs(expected.rank - concept.cefr.rank) >= 2:
            outliers.append(
                f"{concept.origin}: {concept.lemma('en')!r} {concept.cefr}, zipf {zipf}"
            )
    print(f"\n{len(outliers)} of {len(words)} one-word entries two bands from their frequency:")
    print("\n".join(outliers))
    assert len(outliers) <= MAX_OUTLIER_SHARE * len(words)


def test_every_pair_works_in_both_directions(concepts: tuple[Concept, ...]) -> None:
    vocabulary = StarterVocabulary(concepts)
    missing = []
    for source, target in permutations(LANGUAGES, 2):
        for concept in concepts:
            entries = vocabulary.entries(concept.lemma(source), source, target)
            if not any(concept.lemma(target) in entry.translations for entry in entries):
                missing.append(f"{concept.origin}: {source}->{target} {concept.lemma(source)!r}")
    assert not missing, missing[:20]


def test_package_data_stays_under_five_megabytes() -> None:
    folder = files(DATA_PACKAGE).joinpath(*DATA_PATH)
    size = sum(len(item.read_bytes()) for item in folder.iterdir() if item.is_file())
    assert size <= MAX_PACKAGE_BYTES, f"{size} bytes"


@pytest.mark.parametrize(
    ("word", "source", "target", "meaning"),
    [
        ("barco", "es", "en", "boat"),
        ("memorize", "en", "es", "memorizar"),
        ("take a shower", "en", "ru", "принимать душ"),
        ("take a bath", "en", "ru", "принимать ванну"),
        ("habitación", "es", "en", "bedroom"),
        ("café", "es", "en", "cafe"),
        ("ботинок", "ru", "en", "boot"),
        ("скамья", "ru", "en", "bench"),
        ("лавочка", "ru", "en", "bench"),
        ("de todas formas", "es", "en", "anyway"),
        ("замужем", "ru", "en", "married"),
    ],
)
def test_the_everyday_words_a_review_found_missing_are_there(
    word: str, source: str, target: str, meaning: str
) -> None:
    entries = StarterVocabulary.default().entries(word, source, target)
    assert meaning in {m for entry in entries for m in entry.translations}


def test_the_review_corrections_hold(concepts: tuple[Concept, ...]) -> None:
    by_lemma = {c.lemma("en"): c for c in concepts}
    assert by_lemma["friendship"].cefr == Level.B1
    assert "замужний" not in by_lemma["married"].sides["ru"].words
    assert "plural" not in by_lemma["January"].sides["en"].forms
    assert by_lemma["travel"].sides["en"].forms["past_us"] == "traveled"
