"""Published links never break: renamed sections keep their old ids, lost ones stop the build."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import site_from_text
from notesite import NotesError, anchors, site_from_lines
from notesite.anchors import Registry, dump, load
from notesite.data import YAML_DUMPER, YAML_LOADER
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
        "notes of your own, start a fresh registry: python scripts/clean_notes.py --fresh-registry")


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


# Any text a heading or a hand edit can put in the registry, and the values an entry holds.
ANY_TEXT = st.one_of(st.sampled_from(["Spot Block", "yes", "no", "1.5", "2024-01-01", "null", "~", "a: b", "# c",
                                      "- d", "'e'", "f ", " g", "(h)", "x\u2028y", "\x85", "\ufeff", "\U0001F600"]),
                     st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
ENTRY = st.dictionaries(st.sampled_from(["title", "words", "moved_to", "retired"]),
                        st.one_of(ANY_TEXT, st.booleans(), st.none(), st.integers(), st.lists(st.integers(), max_size=3)))


@pytest.mark.parametrize("dumper", [yaml.SafeDumper, YAML_DUMPER])   # without libyaml, and with it
@settings(max_examples=300, deadline=None)
@given(entries=st.dictionaries(ANY_TEXT, st.dictionaries(ANY_TEXT, ENTRY)))
def test_the_registry_file_reads_back_as_written(entries, dumper):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(anchors, "YAML_DUMPER", dumper)
        assert yaml.load(dump(Registry(entries=entries)), Loader=YAML_LOADER) == entries


def test_the_registry_file_keeps_plain_text_bare_and_quotes_the_rest():
    text = dump(Registry(entries={"ec2": {"spot-block": {"title": "Spot Block", "words": "block spot (1 to 6 hours)"},
                                          "yes": {"title": "a: b", "retired": True}}}))
    assert text.endswith("ec2:\n  spot-block:\n    title: Spot Block\n    words: block spot (1 to 6 hours)\n"
                         '  "yes":\n    retired: true\n    title: "a: b"\n')
