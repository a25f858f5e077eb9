"""Published links never break: renamed sections keep their old ids, lost ones stop the build."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import site_from_text
from notesite import NotesError, site_from_lines
from notesite.anchors import Registry, dump, load
from notesite.assemble import SLUG_FORM
from notesite.data import YAML_LOADER
from notesite.source import decode

NOTES = """## EC2
Spot Block
- block spot instance during a specified time frame (1 to 6 hours) without interruptions
- in rare instances, the instance may be reclaimed
- used for batch jobs, data analysis or workloads that are resilient to failures

Placement Groups
- That strategy can be defined using placement groups
Spread - spreads instances across underlying hardware
- instances located on different hardware

## AMI
AMI process
- Start an EC2 instance and customize it
- build an AMI - this will also create EBS snapshots
"""


def _published(text: str) -> Registry:
    return site_from_text(text).registry


def _build(text: str, published: Registry):
    return site_from_lines([decode(text.encode(), "notes/test.txt")], published)


def test_every_section_is_registered_with_its_title_and_words():
    registry = _published(NOTES)
    assert set(registry.entries["ec2"]) == {"spot-block", "placement-groups", "spread"}
    assert registry.entries["ec2"]["spot-block"]["title"] == "Spot Block"
    assert registry.entries["ec2"]["spot-block"]["words"].startswith("block spot instance during")


def test_a_renamed_heading_keeps_its_old_id_as_an_alias():
    published = _published(NOTES)
    site = _build(NOTES.replace("Spot Block\n", "Spot Blocks (defined duration)\n"), published)
    ec2 = site.files["ec2.md"]
    assert '## <span id="spot-block" class="notes-alias"></span>Spot Blocks (defined duration) ' \
           '{#spot-blocks-defined-duration}' in ec2
    assert site.registry.entries["ec2"]["spot-block"]["moved_to"] == "ec2#spot-blocks-defined-duration"
    assert "../../../ec2/#spot-blocks-defined-duration" in site.files["s/ec2/spot-block/index.html"]


SPOT_BLOCK = NOTES[NOTES.index("Spot Block\n"):NOTES.index("Placement Groups")]


def test_a_section_moved_to_another_page_sends_its_old_link_on():
    published = _published(NOTES)
    moved = NOTES.replace(SPOT_BLOCK, "").replace("## AMI\n", "## AMI\n" + SPOT_BLOCK)
    site = _build(moved, published)
    assert [(a.page, a.id, a.to_page, a.to_id) for a in site.aliases] == [("ec2", "spot-block", "ami", "spot-block")]
    assert '<span id="spot-block" class="notes-moved" data-moved-to="../ami/#spot-block"></span>' in site.files["ec2.md"]


def test_a_removed_section_stops_the_build_naming_the_link_and_the_fix():
    published = _published(NOTES)
    published.source = "ec2:\n  spot-block:\n    title: Spot Block\n"
    with pytest.raises(NotesError) as err:
        _build(NOTES.replace(SPOT_BLOCK, ""), published)
    assert str(err.value) == (
        'anchors.yaml:2: published link ec2/#spot-block ("Spot Block") no longer leads to any section; '
        "to keep it, set `moved_to: PAGE#ID` on it, or set `retired: true` to let it go; if these are new "
        "notes of your own, start a fresh registry and serve them: scripts/dev.sh new-site (or only the "
        "registry: .venv/bin/python scripts/clean_notes.py --fresh-registry)")


def test_a_retired_link_is_let_go_and_a_pointed_one_follows_its_pointer():
    published = _published(NOTES)
    without = NOTES.replace("Spread - spreads instances across underlying hardware\n"
                            "- instances located on different hardware\n", "")
    published.entries["ec2"]["spread"]["retired"] = True
    assert "spread" not in str(_build(without, published).aliases)
    published.entries["ec2"]["spread"] = {"title": "Spread", "moved_to": "ec2#placement-groups"}
    site = _build(without, published)
    assert [(a.id, a.to_id) for a in site.aliases] == [("spread", "placement-groups")]


def test_a_broken_registry_file_is_named(tmp_path):
    path = tmp_path / "anchors.yaml"
    path.write_text("ec2:\n  spread: [unclosed\n")
    with pytest.raises(NotesError) as err:
        load(path, "anchors.yaml")
    assert str(err.value).startswith("anchors.yaml:")
    assert "is not valid YAML" in str(err.value)


# Any text a heading or a hand edit can put in the registry, and the values an entry holds
# (text or true/false: `load` refuses any other).
ANY_TEXT = st.one_of(st.sampled_from(["Spot Block", "yes", "no", "1.5", "2024-01-01", "null", "~", "a: b", "# c",
                                      "- d", "'e'", "f ", " g", "(h)", "x\u2028y", "\x85", "\ufeff", "\U0001F600"]),
                     st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
ENTRY = st.dictionaries(st.sampled_from(["title", "words", "moved_to", "retired"]),
                        st.one_of(ANY_TEXT, st.booleans()))


@settings(max_examples=300, deadline=None)
@given(entries=st.dictionaries(ANY_TEXT, st.dictionaries(ANY_TEXT, ENTRY)))
def test_the_registry_file_reads_back_as_written(entries):
    assert yaml.load(dump(Registry(entries=entries)), Loader=YAML_LOADER) == entries


def test_the_registry_file_keeps_plain_text_bare_and_quotes_the_rest():
    text = dump(Registry(entries={"ec2": {"spot-block": {"title": "Spot Block", "words": "block spot (1 to 6 hours)"},
                                          "yes": {"title": "a: b", "retired": True}}}))
    assert text.endswith("ec2:\n  spot-block:\n    title: Spot Block\n    words: block spot (1 to 6 hours)\n"
                         '  "yes":\n    retired: true\n    title: "a: b"\n')


@pytest.mark.parametrize("document, line, message", [
    ("../../../../tmp/x:\n  a:\n    title: A\n", 1, "'../../../../tmp/x' in the file is not a page or section name"),
    ('ec2:\n  \'" onfocus="alert(1)" autofocus\':\n    title: A\n', 2, "in page ec2 is not a page or section name"),
    ("ec2:\n  spread:\n    title: Spread\nami:\n  x:\n    title: X\nec2:\n  spot:\n    title: Spot\n", 7,
     "'ec2' appears twice in the file; merge the two into one"),
    ("ec2:\n  spread:\n    title: Spread\n    title: Again\n", 4, "'title' appears twice in id ec2/#spread"),
    ("ec2: [spread, spot]\n", 1, "page ec2 is not a mapping"),
    ("ec2: spread\n", 1, "page ec2 is not a mapping"),
    ("ec2:\n  spread: gone\n", 2, "id ec2/#spread is not a mapping"),
    ("1:\n  spread:\n    title: Spread\n", 1, "a key of the file must be text"),
    ("- ec2\n", 1, "the file is not a mapping"),
    ("ec2:\n  spread:\n    retired: \"no\"\n", 3, "ec2/#spread retired must be true or false"),
    ("ec2:\n  spread:\n    title: !!binary aGVsbG8=\n", 3, "ec2/#spread title must be text"),
    ("ec2:\n  spread:\n    title: 2024-01-01\n", 3, "ec2/#spread title must be text (quote it"),
    ("ec2:\n  spread:\n    colour: blue\n", 3, "ec2/#spread has an unknown field 'colour'"),
    ("ec2:\n  spread:\n    moved_to: ../x\n", 3, "ec2/#spread moved_to '../x' is not PAGE#ID"),
    ("EC2:\n  spread: {}\n", 1, "'EC2' in the file is not a page or section name"),
])
def test_a_registry_of_any_other_shape_is_refused_naming_the_line(tmp_path, document, line, message):
    path = tmp_path / "anchors.yaml"
    path.write_text(document)
    with pytest.raises(NotesError) as err:
        load(path, "anchors.yaml")
    assert str(err.value).startswith(f"anchors.yaml:{line}: "), str(err.value)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_registry_that_is_not_utf8_is_named_with_its_line(tmp_path):
    path = tmp_path / "anchors.yaml"
    path.write_bytes(b"ec2:\n  spread:\n    title: Caf\xe9\n")
    with pytest.raises(NotesError, match=r"^anchors.yaml:3: byte 0xe9 at column 15 is not UTF-8"):
        load(path, "anchors.yaml")


def test_yaml_anchors_and_tags_that_give_the_right_shapes_are_read_and_written_plainly(tmp_path):
    path = tmp_path / "anchors.yaml"
    path.write_text("ec2:\n  spread: &same\n    title: !!str Spread\n    retired: yes\n  spot: *same\nami: {}\n")
    registry = load(path, "anchors.yaml")
    assert registry.entries == {"ec2": {"spread": {"title": "Spread", "retired": True},
                                        "spot": {"title": "Spread", "retired": True}}, "ami": {}}
    path.write_text(dump(registry))
    assert "&" not in path.read_text() and "!!" not in path.read_text()
    assert load(path, "anchors.yaml").entries == registry.entries


# Registry documents a hand edit can make: keys and values of every kind, nested any way.
YAML_WORDS = st.sampled_from(["ec2", "spot-block", "сеть", "EC2", "../x", "a b", "1", "yes", "null", "~", "title",
                              "words", "moved_to", "retired", "ec2#spread", "x#", "!!binary aGk=", "&a x", "*a",
                              '"q"', "[1, 2]", "{}", "true", "\"no\"", "<b>"])


@st.composite
def yaml_documents(draw, depth=3):
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        indent = "  " * draw(st.integers(0, depth - 1))
        key = draw(YAML_WORDS)
        value = draw(st.one_of(st.just(""), YAML_WORDS))
        lines.append(f"{indent}{key}:{' ' + value if value else ''}")
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(document=yaml_documents())
def test_any_registry_document_is_read_or_refused_in_one_line_and_what_is_written_reads_back(tmp_path_factory, document):
    path = tmp_path_factory.mktemp("registry") / "anchors.yaml"
    path.write_text(document)
    try:
        registry = load(path, "anchors.yaml")
    except NotesError as err:
        assert str(err).startswith("anchors.yaml") and "\n" not in str(err)
        return
    for page, ids in registry.entries.items():
        assert SLUG_FORM.fullmatch(page) and all(SLUG_FORM.fullmatch(ident) for ident in ids)
        for entry in ids.values():
            assert set(entry) <= {"title", "words", "moved_to", "retired"}
    path.write_text(dump(registry))
    assert load(path, "anchors.yaml").entries == registry.entries


# A published id is owned by the section that held it.

def _id_of(site, first_words: str) -> str:
    (topic,) = [t for p in site.pages for t in p.topics if t.first_line.startswith(first_words)]
    return topic.id


@pytest.mark.parametrize("appended", [
    "Spr\u200bead\n- a look-alike heading with a zero-width space\n",
    "Spr\u00adead\n- a look-alike heading with a soft hyphen\n",
    "\uff33pread\n- a look-alike heading in a full-width letter\n",
    "### Spread\n- a plain shallower duplicate, written later\n",
])
def test_a_heading_that_reads_as_a_published_one_never_takes_its_id(appended):
    published = _published(NOTES)
    assert published.entries["ec2"]["spread"]["words"].startswith("spreads instances")
    site = _build(NOTES.replace("## AMI\n", appended + "\n## AMI\n"), published)
    assert _id_of(site, "instances located") == "spread"
    newcomer = _id_of(site, "a ")
    assert newcomer != "spread"
    assert "stays with the section that held it" in site.registry.entries["ec2"][newcomer]["why"]
    assert "../../../ec2/#spread" in site.files["s/ec2/spread/index.html"]


def test_invisible_characters_never_reach_a_heading():
    site = site_from_text("## EC2\nSpr\u200bead \u202eplaced\u202c\n- instances located on different hardware\n")
    assert "Spread placed" in site.files["ec2.md"]
    assert "\u200b" not in site.files["ec2.md"] and "\u202e" not in site.files["ec2.md"]


def test_why_an_id_was_given_stays_in_the_registry_on_the_next_run():
    published = _published(NOTES)
    notes = NOTES.replace("## AMI\n", "### Spread\n- a plain shallower duplicate\n\n## AMI\n")
    first = _build(notes, published)
    again = _build(notes, first.registry)
    assert again.registry_text == first.registry_text
    assert "why:" in again.registry_text


def test_the_registry_is_parsed_once_for_the_same_text_and_again_once_it_changes(tmp_path):
    path = tmp_path / "anchors.yaml"
    path.write_text("ec2:\n  spot-block:\n    title: Spot Block\n    words: blocks\n")
    first = load(path)
    assert load(path) is first
    path.write_text("ec2:\n  spot-block:\n    title: Spot Block\n    words: blocks of hours\n")
    assert load(path).entries["ec2"]["spot-block"]["words"] == "blocks of hours"
